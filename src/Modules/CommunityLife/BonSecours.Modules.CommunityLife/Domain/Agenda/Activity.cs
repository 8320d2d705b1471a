namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>
/// An activity of the shared agenda, event-sourced. Decision methods check the rules and
/// return the event to append; the Apply methods rebuild the state.
/// </summary>
internal sealed class Activity
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public ActivityDetails Details { get; set; } = null!;

    public bool Withdrawn { get; set; }

    public List<DateTime> CancelledStarts { get; set; } = [];

    public List<MovedOccurrence> MovedOccurrences { get; set; } = [];

    public static ActivityPublished Publish(Guid activityId, ActivityDetails details) => new(activityId, details);

    public ActivityChanged Change(ActivityDetails details)
    {
        EnsureNotWithdrawn();
        return new ActivityChanged(details);
    }

    public OccurrenceCancelled CancelOccurrence(DateTime occurrenceStart)
    {
        EnsureScheduled(occurrenceStart);
        return new OccurrenceCancelled(occurrenceStart);
    }

    public OccurrenceMoved MoveOccurrence(DateTime occurrenceStart, DateTime newStart, DateTime newEnd)
    {
        EnsureScheduled(occurrenceStart);
        return new OccurrenceMoved(occurrenceStart, newStart, newEnd);
    }

    public ActivityWithdrawn Withdraw()
    {
        EnsureNotWithdrawn();
        return new ActivityWithdrawn(Id);
    }

    /// <summary>The occurrences that take place in [from, to) local time, moved ones at their new time.</summary>
    public IReadOnlyList<ActivityOccurrence> Occurrences(DateTime from, DateTime to)
    {
        if (Withdrawn)
        {
            return [];
        }

        var duration = Details.End - Details.Start;
        var regular = RecurrenceExpansion.Expand(Details.Start, Details.End, Details.Recurrence, from, to)
            .Where(start => !CancelledStarts.Contains(start) && MovedOccurrences.All(moved => moved.OccurrenceStart != start))
            .Select(start => new ActivityOccurrence(Id, start, start, start + duration, Moved: false));
        var moved = MovedOccurrences
            .Where(entry => !CancelledStarts.Contains(entry.OccurrenceStart) && entry.Start >= from && entry.Start < to)
            .Select(entry => new ActivityOccurrence(Id, entry.OccurrenceStart, entry.Start, entry.End, Moved: true));
        return [.. regular.Concat(moved).OrderBy(occurrence => occurrence.Start)];
    }

    /// <summary>Finds the occurrence named by its original local start, unless cancelled or never scheduled.</summary>
    public ActivityOccurrence FindOccurrence(DateTime occurrenceStart)
    {
        EnsureNotWithdrawn();
        var moved = MovedOccurrences.FirstOrDefault(entry => entry.OccurrenceStart == occurrenceStart);
        if (moved is not null && !CancelledStarts.Contains(occurrenceStart))
        {
            return new ActivityOccurrence(Id, occurrenceStart, moved.Start, moved.End, Moved: true);
        }

        return Occurrences(occurrenceStart, occurrenceStart.AddMinutes(1)).FirstOrDefault(occurrence => occurrence.OccurrenceStart == occurrenceStart)
            ?? throw AgendaRules.OccurrenceNotFound(Id, occurrenceStart);
    }

    /// <summary>Returns whether the occurrence named by its original local start still takes place, at its own or a new time.</summary>
    public bool IsScheduled(DateTime occurrenceStart)
    {
        if (Withdrawn || CancelledStarts.Contains(occurrenceStart))
        {
            return false;
        }

        return MovedOccurrences.Any(entry => entry.OccurrenceStart == occurrenceStart)
            || Occurrences(occurrenceStart, occurrenceStart.AddMinutes(1)).Any(occurrence => occurrence.OccurrenceStart == occurrenceStart);
    }

    /// <summary>The local start at which the occurrence named by its original start takes place.</summary>
    public DateTime StartOf(DateTime occurrenceStart) =>
        MovedOccurrences.FirstOrDefault(entry => entry.OccurrenceStart == occurrenceStart)?.Start ?? occurrenceStart;

    /// <summary>A copy of this activity with the event applied, to decide on the new schedule before the event is saved.</summary>
    public Activity After(object change)
    {
        var copy = new Activity
        {
            Id = Id,
            Version = Version,
            Details = Details,
            Withdrawn = Withdrawn,
            CancelledStarts = [.. CancelledStarts],
            MovedOccurrences = [.. MovedOccurrences],
        };
        switch (change)
        {
            case ActivityChanged changed: copy.Apply(changed); break;
            case OccurrenceCancelled cancelled: copy.Apply(cancelled); break;
            case OccurrenceMoved moved: copy.Apply(moved); break;
            case ActivityWithdrawn withdrawn: copy.Apply(withdrawn); break;
            default: throw new ArgumentException($"{change.GetType().Name} is not an activity event.", nameof(change));
        }

        return copy;
    }

    public void Apply(ActivityPublished published)
    {
        Id = published.ActivityId;
        Details = published.Details;
    }

    public void Apply(ActivityChanged changed) => Details = changed.Details;

    public void Apply(OccurrenceCancelled cancelled) => CancelledStarts.Add(cancelled.OccurrenceStart);

    public void Apply(OccurrenceMoved moved)
    {
        MovedOccurrences.RemoveAll(entry => entry.OccurrenceStart == moved.OccurrenceStart);
        MovedOccurrences.Add(new MovedOccurrence(moved.OccurrenceStart, moved.NewStart, moved.NewEnd));
    }

    public void Apply(ActivityWithdrawn withdrawn) => Withdrawn = true;

    private void EnsureScheduled(DateTime occurrenceStart) => FindOccurrence(occurrenceStart);

    private void EnsureNotWithdrawn()
    {
        if (Withdrawn)
        {
            throw AgendaRules.ActivityWithdrawn(Id);
        }
    }
}

/// <summary>An occurrence, named by its original local start, that takes place at another local time.</summary>
internal sealed record MovedOccurrence(DateTime OccurrenceStart, DateTime Start, DateTime End);
