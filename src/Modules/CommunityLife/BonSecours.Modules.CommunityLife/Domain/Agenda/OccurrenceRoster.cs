using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>
/// Who takes part in one occurrence: the registered residents, the waiting list in arrival
/// order, and who attended. One stream per occurrence, with an id derived from the activity
/// and the occurrence's original start, so concurrent registrations clash on one version.
/// </summary>
internal sealed class OccurrenceRoster
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid ActivityId { get; set; }

    public DateTime OccurrenceStart { get; set; }

    public List<Guid> Registered { get; set; } = [];

    public List<Guid> Waiting { get; set; } = [];

    public List<Guid> Attended { get; set; } = [];

    public static Guid StreamId(Guid activityId, DateTime occurrenceStart) =>
        DeterministicGuid.Create("occurrence-roster", activityId.ToString("N"), AgendaTime.Key(occurrenceStart));

    /// <summary>Registers the resident, or puts them on the waiting list when the occurrence is full. No event when already there.</summary>
    public static IReadOnlyList<object> Register(OccurrenceRoster? roster, Guid activityId, DateTime occurrenceStart, int capacity, Guid residentId)
    {
        var registered = roster?.Registered ?? [];
        if (registered.Contains(residentId) || roster?.Waiting.Contains(residentId) == true)
        {
            return [];
        }

        return registered.Count < capacity
            ? [new RegistrationConfirmed(activityId, occurrenceStart, residentId)]
            : [new RegistrationWaitlisted(activityId, occurrenceStart, residentId)];
    }

    /// <summary>Cancels the resident's place (or waiting-list entry) and promotes the first waiting resident into a freed place.</summary>
    public IReadOnlyList<object> Cancel(Guid residentId, int capacity, string reason)
    {
        if (!Registered.Contains(residentId) && !Waiting.Contains(residentId))
        {
            return [];
        }

        var events = new List<object> { new RegistrationCancelled(ActivityId, OccurrenceStart, residentId, reason) };
        var remaining = Registered.Count(id => id != residentId);
        var queue = Waiting.Where(id => id != residentId).ToList();
        while (remaining < capacity && queue.Count > 0)
        {
            events.Add(new WaitingResidentPromoted(ActivityId, OccurrenceStart, queue[0]));
            queue.RemoveAt(0);
            remaining++;
        }

        return events;
    }

    /// <summary>Cancels every place and waiting-list entry without promotion, because the occurrence no longer takes place.</summary>
    public IReadOnlyList<RegistrationCancelled> CancelEveryone(string reason) =>
        [.. Registered.Concat(Waiting).Select(residentId => new RegistrationCancelled(ActivityId, OccurrenceStart, residentId, reason))];

    public AttendanceRecorded RecordAttendance(IReadOnlyList<Guid> residentIds)
    {
        var unknown = residentIds.Where(id => !Registered.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw AgendaRules.NotRegistered(unknown[0]);
        }

        return new AttendanceRecorded(ActivityId, OccurrenceStart, [.. residentIds.Distinct()]);
    }

    public int PlacesLeft(int capacity) => Math.Max(0, capacity - Registered.Count);

    public void Apply(RegistrationConfirmed registered)
    {
        Start(registered.ActivityId, registered.OccurrenceStart);
        Registered.Add(registered.ResidentId);
    }

    public void Apply(RegistrationWaitlisted waiting)
    {
        Start(waiting.ActivityId, waiting.OccurrenceStart);
        Waiting.Add(waiting.ResidentId);
    }

    public void Apply(RegistrationCancelled cancelled)
    {
        Registered.Remove(cancelled.ResidentId);
        Waiting.Remove(cancelled.ResidentId);
    }

    public void Apply(WaitingResidentPromoted promoted)
    {
        Waiting.Remove(promoted.ResidentId);
        Registered.Add(promoted.ResidentId);
    }

    public void Apply(AttendanceRecorded attendance) =>
        Attended = [.. Attended.Union(attendance.ResidentIds)];

    private void Start(Guid activityId, DateTime occurrenceStart)
    {
        ActivityId = activityId;
        OccurrenceStart = occurrenceStart;
    }
}
