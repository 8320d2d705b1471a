using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using BonSecours.BuildingBlocks.Application;
using Microsoft.AspNetCore.Http;

namespace BonSecours.BuildingBlocks.Realtime;

public static class RealtimeStreams
{
    /// <summary>Seconds between heartbeats, which keep proxies from closing an idle stream.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Opens a server-sent-event stream of the caller's residence, limited to the topics
    /// given and to messages whose audience includes the caller's role, user id, or person id
    /// (<c>person:</c> followed by the resident's or caregiver's id).
    /// </summary>
    public static IResult Open(RealtimeBroker broker, IRequestContext context, IReadOnlySet<string> topics, CancellationToken cancellationToken)
    {
        var role = context.Role;
        var user = $"user:{context.UserId}";
        var person = string.IsNullOrEmpty(context.PersonId) ? null : $"person:{context.PersonId}";
        var residence = context.ResidenceId;
        return TypedResults.ServerSentEvents(Items(broker, residence, message =>
            topics.Contains(message.Topic)
            && (message.Audience.Contains(role) || message.Audience.Contains(user) || (person is not null && message.Audience.Contains(person))), cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<object>> Items(
        RealtimeBroker broker, string residence, Func<RealtimeMessage, bool> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<object>(new { connectedAt = DateTimeOffset.UtcNow }, "connected");

        var messages = broker.Subscribe(residence, filter, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = messages.MoveNextAsync().AsTask();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var finished = await Task.WhenAny(next, Task.Delay(HeartbeatInterval, cancellationToken));
                if (finished != next)
                {
                    yield return new SseItem<object>(new { at = DateTimeOffset.UtcNow }, "heartbeat");
                    continue;
                }

                if (!await next)
                {
                    yield break;
                }

                var message = messages.Current;
                yield return new SseItem<object>(message.Payload, message.Type) { EventId = Guid.NewGuid().ToString("N") };
                next = messages.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // The pending read ends with the request's cancellation; wait for it before disposing.
            await next.ContinueWith(_ => { }, TaskScheduler.Default);
            await messages.DisposeAsync();
        }
    }
}
