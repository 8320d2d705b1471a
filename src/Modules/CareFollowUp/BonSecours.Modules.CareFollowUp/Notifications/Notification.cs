namespace BonSecours.Modules.CareFollowUp.Notifications;

/// <summary>
/// A message for a resident, shown in their portal and to the caregivers they consented to.
/// An appointment reminder's id is derived from the appointment, its version and the
/// reminder, so a reminder delivered twice is stored once.
/// </summary>
internal sealed class Notification
{
    public Guid Id { get; set; }

    public Guid ResidentId { get; set; }

    /// <summary>Such as <c>appointment-reminder</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public Guid? AppointmentId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed record NotificationView(Guid Id, Guid ResidentId, string Kind, Guid? AppointmentId, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationView From(Notification notification) => new(
        notification.Id, notification.ResidentId, notification.Kind, notification.AppointmentId,
        notification.Title, notification.Body, notification.CreatedAt, notification.ReadAt);
}
