using BonSecours.Modules.CommunityLife.Domain.Agenda;
using Marten;

namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>The residents whose place or waiting-list entry ended because their occurrence no longer takes place.</summary>
internal sealed record DroppedOccurrence(DateTime OccurrenceStart, DateTime Start, IReadOnlyList<Guid> ResidentIds);

/// <summary>
/// Cancels the registrations of an activity's coming occurrences once the coordinator cancels
/// an occurrence, withdraws the activity or changes its schedule so that an occurrence is no
/// longer produced. Past occurrences keep their rosters, because attendance was recorded there.
/// </summary>
internal static class DroppedOccurrences
{
    public const string OccurrenceCancelled = "occurrence-cancelled";
    public const string ActivityWithdrawn = "activity-withdrawn";
    public const string ScheduleChanged = "schedule-changed";

    /// <summary>
    /// Appends the cancellations to the rosters in the caller's session, for every coming
    /// occurrence that <paramref name="after"/> no longer schedules. The caller saves the session.
    /// </summary>
    public static async Task<IReadOnlyList<DroppedOccurrence>> CancelAsync(
        IDocumentSession session, Activity before, Activity after, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rosters = await session.Query<OccurrenceRoster>()
            .Where(roster => roster.ActivityId == before.Id)
            .ToListAsync(cancellationToken);

        var dropped = new List<DroppedOccurrence>();
        foreach (var roster in rosters)
        {
            var start = before.StartOf(roster.OccurrenceStart);
            if (AgendaTime.ToUtc(start) <= now || after.IsScheduled(roster.OccurrenceStart) || roster.Registered.Count + roster.Waiting.Count == 0)
            {
                continue;
            }

            var stream = await session.Events.FetchForWriting<OccurrenceRoster>(roster.Id, cancellationToken);
            var cancellations = stream.Aggregate!.CancelEveryone(reason);
            stream.AppendMany(cancellations);
            dropped.Add(new DroppedOccurrence(roster.OccurrenceStart, start, [.. cancellations.Select(cancelled => cancelled.ResidentId)]));
        }

        return dropped;
    }
}
