using System.Net;
using System.Text.Json;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Push;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Marten;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CareFollowUp.Alerts;

/// <summary>
/// Sends staff alerts as Web Push messages (RFC 8030), encrypted for each browser (RFC 8291)
/// and signed with the server's VAPID key (RFC 8292). The message carries the title, body,
/// link and tag only. Subscriptions are sent to in parallel, each with its own timeout, so
/// one slow push service cannot hold up the caller or the other sends.
/// </summary>
internal sealed class WebPushAlertChannel(
    ICareFollowUpStore store, IHttpClientFactory httpClients, VapidKeys keys, ILogger<WebPushAlertChannel> logger) : IStaffAlertChannel
{
    public const string HttpClientName = "web-push";

    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A push service keeps an undelivered alert this long; an older alert is no longer useful.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        var subscriptions = await FindSubscriptionsAsync(alert, cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var content = JsonSerializer.Serialize(new { title = alert.Title, body = alert.Body, url = alert.Url, tag = alert.Tag }, Json);
        using var authentication = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = keys.Subject };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName))
        {
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false,
        };

        var gone = await Task.WhenAll(subscriptions.Select(subscription => SendOneAsync(client, authentication, subscription, content, cancellationToken)));
        await RemoveAsync(alert.Residence, gone.OfType<PushSubscriptionRecord>().ToList(), cancellationToken);
    }

    private async Task<List<PushSubscriptionRecord>> FindSubscriptionsAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(alert.Residence);
        var userIds = alert.UserIds.ToArray();
        var roles = alert.Roles.ToArray();
        var personIds = alert.PersonIds.Select(id => id.ToString()).ToArray();
        var found = await session.Query<PushSubscriptionRecord>()
            .Where(subscription => userIds.Contains(subscription.UserId) || roles.Contains(subscription.Role) || personIds.Contains(subscription.PersonId!))
            .ToListAsync(cancellationToken);
        return found.ToList();
    }

    /// <summary>Returns the subscription when the push service says it no longer exists, null otherwise.</summary>
    private async Task<PushSubscriptionRecord?> SendOneAsync(
        PushServiceClient client, VapidAuthentication authentication, PushSubscriptionRecord record, string content, CancellationToken cancellationToken)
    {
        var subscription = new PushSubscription
        {
            Endpoint = record.Endpoint,
            Keys = new Dictionary<string, string> { ["p256dh"] = record.P256dh, ["auth"] = record.Auth },
        };
        var message = new PushMessage(content) { TimeToLive = (int)TimeToLive.TotalSeconds, Urgency = PushMessageUrgency.High };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SendTimeout);
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, message, authentication, timeout.Token);
            return null;
        }
        catch (PushServiceClientException failure) when (failure.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            logger.LogInformation("Web Push subscription of user {UserId} at {EndpointHost} is gone ({StatusCode}); removing it",
                record.UserId, HostOf(record), (int)failure.StatusCode);
            return record;
        }
        catch (Exception failure) when (failure is PushServiceClientException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("Web Push to user {UserId} at {EndpointHost} failed: {Failure}",
                record.UserId, HostOf(record), failure is PushServiceClientException push ? $"status {(int)push.StatusCode}" : failure.GetType().Name);
            return null;
        }
    }

    private async Task RemoveAsync(string residence, List<PushSubscriptionRecord> gone, CancellationToken cancellationToken)
    {
        if (gone.Count == 0)
        {
            return;
        }

        await using var session = store.LightweightSession(residence);
        foreach (var subscription in gone)
        {
            session.Delete(subscription);
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    private static string HostOf(PushSubscriptionRecord record) =>
        Uri.TryCreate(record.Endpoint, UriKind.Absolute, out var uri) ? uri.Host : "invalid endpoint";
}
