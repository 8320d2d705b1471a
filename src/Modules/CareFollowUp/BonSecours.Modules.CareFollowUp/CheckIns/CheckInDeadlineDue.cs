namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>
/// Scheduled for a resident's check-in deadline on <paramref name="Day"/> (Europe/Paris).
/// Only the message of the current <paramref name="Generation"/> of settings counts.
/// </summary>
public sealed record CheckInDeadlineDue(Guid ResidentId, DateOnly Day, int Generation);

/// <summary>Sent once the missed check-in is committed, so caregivers are alerted after the fact is stored.</summary>
public sealed record MissedCheckInAlertDue(Guid ResidentId, DateOnly Day, IReadOnlyList<Guid> CaregiverIds);
