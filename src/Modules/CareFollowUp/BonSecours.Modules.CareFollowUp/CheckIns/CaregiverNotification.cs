namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>A notification kept for a caregiver, so the portal can list what they were sent.</summary>
internal sealed class CaregiverNotification
{
    /// <summary>Derived from caregiver, resident, kind and day, so a retried deadline stores it once.</summary>
    public Guid Id { get; set; }

    public Guid CaregiverId { get; set; }

    public Guid ResidentId { get; set; }

    /// <summary>Such as <c>check-in-missed</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public DateOnly Day { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
