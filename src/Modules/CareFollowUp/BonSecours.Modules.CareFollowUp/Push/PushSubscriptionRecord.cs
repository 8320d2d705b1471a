namespace BonSecours.Modules.CareFollowUp.Push;

/// <summary>
/// A browser's Web Push subscription, one per endpoint URL. The keys let the server encrypt
/// messages for that browser (RFC 8291); they are never logged.
/// </summary>
internal sealed class PushSubscriptionRecord
{
    /// <summary>Derived from the endpoint, so subscribing the same browser twice updates one record.</summary>
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    /// <summary>The user's role when they subscribed; alerts addressed to a role reach its subscriptions.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The resident or caregiver id of the subscriber, when the subscriber is one; alerts to people use it.</summary>
    public string? PersonId { get; set; }

    public string Endpoint { get; set; } = string.Empty;

    public string P256dh { get; set; } = string.Empty;

    public string Auth { get; set; } = string.Empty;

    public DateTimeOffset SubscribedAt { get; set; }
}
