namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

// Events of one occurrence's roster. Each carries the activity and the occurrence's original
// local start, so the roster and the residents' registration lists can be read from any one.

internal sealed record RegistrationConfirmed(Guid ActivityId, DateTime OccurrenceStart, Guid ResidentId);

internal sealed record RegistrationWaitlisted(Guid ActivityId, DateTime OccurrenceStart, Guid ResidentId);

internal sealed record RegistrationCancelled(Guid ActivityId, DateTime OccurrenceStart, Guid ResidentId, string Reason);

internal sealed record WaitingResidentPromoted(Guid ActivityId, DateTime OccurrenceStart, Guid ResidentId);

internal sealed record AttendanceRecorded(Guid ActivityId, DateTime OccurrenceStart, IReadOnlyList<Guid> ResidentIds);
