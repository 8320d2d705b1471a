using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BonSecours.BuildingBlocks.Realtime;

/// <summary>A notification pushed to connected portals of one residence.</summary>
/// <param name="Topic">What it is about, such as <c>priority-calls</c> or <c>notifications</c>.</param>
/// <param name="Type">The event name the client receives, such as <c>priority-call-raised</c>.</param>
/// <param name="Audience">Who may receive it: a role, a user id prefixed with <c>user:</c>, or a person id prefixed with <c>person:</c>.</param>
public sealed record RealtimeMessage(string Residence, string Topic, string Type, IReadOnlyList<string> Audience, object Payload, DateTimeOffset SentAt);

/// <summary>
/// Fans real-time messages out to the server-sent-event streams open on this Host. Each
/// subscriber has its own bounded queue, so a slow client never delays the others.
/// </summary>
/// <remarks>
/// NOTE: fan-out is in-process, so with several Host nodes a client only hears messages
/// raised on its own node; a shared backplane (Redis) is needed before scaling out.
/// </remarks>
public sealed class RealtimeBroker
{
    private const int QueueCapacity = 512;

    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public void Publish(RealtimeMessage message)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Accepts(message))
            {
                subscriber.Queue.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>Streams the messages of one residence that the filter accepts until the token is cancelled.</summary>
    public async IAsyncEnumerable<RealtimeMessage> Subscribe(
        string residence,
        Func<RealtimeMessage, bool> filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var queue = Channel.CreateBounded<RealtimeMessage>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers[id] = new Subscriber(residence, filter, queue);
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(cancellationToken))
            {
                yield return message;
            }
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }

    private sealed record Subscriber(string Residence, Func<RealtimeMessage, bool> Filter, Channel<RealtimeMessage> Queue)
    {
        public bool Accepts(RealtimeMessage message) => message.Residence == Residence && Filter(message);
    }
}
