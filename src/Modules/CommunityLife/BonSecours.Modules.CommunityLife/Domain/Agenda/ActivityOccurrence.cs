namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>
/// One dated session of an activity. <see cref="OccurrenceStart"/> is its identity (the
/// local start the recurrence produced); <see cref="Start"/> and <see cref="End"/> differ
/// from it only when the occurrence was moved.
/// </summary>
internal sealed record ActivityOccurrence(Guid ActivityId, DateTime OccurrenceStart, DateTime Start, DateTime End, bool Moved)
{
    public DateTimeOffset StartUtc => AgendaTime.ToUtc(Start);

    public DateTimeOffset EndUtc => AgendaTime.ToUtc(End);
}
