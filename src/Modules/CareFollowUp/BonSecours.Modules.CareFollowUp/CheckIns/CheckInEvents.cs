namespace BonSecours.Modules.CareFollowUp.CheckIns;

// Events of a resident's daily check-in stream. Days are calendar days in Europe/Paris.

/// <param name="Generation">Counts the times the check-in was set up, so deadline messages scheduled under older settings are ignored.</param>
internal sealed record DailyCheckInEnabled(Guid ResidentId, TimeOnly Deadline, bool PortalActivityCounts, bool PriorityCallCounts, int Generation);

internal sealed record DailyCheckInDisabled(Guid ResidentId);

internal sealed record CheckInRecorded(Guid ResidentId, Guid CheckInId, DateOnly Day, DateTimeOffset At);

/// <summary>The resident used the portal; a sign of life only when they chose so.</summary>
internal sealed record PortalActivityRecorded(Guid ResidentId, DateOnly Day, DateTimeOffset At);

/// <summary>The deadline of <paramref name="Day"/> was handled, whether or not the resident had checked in.</summary>
internal sealed record CheckInDeadlinePassed(Guid ResidentId, DateOnly Day);

internal sealed record CheckInMissed(Guid ResidentId, DateOnly Day, int CaregiversNotified);

/// <summary>The resident raised a priority call on that day, which counts as a sign of life when they chose so.</summary>
internal sealed record PriorityCallSignOfLifeRecorded(Guid ResidentId, DateOnly Day, DateTimeOffset At);
