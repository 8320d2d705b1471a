namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>Who an activity is meant for.</summary>
internal enum ActivityAudience
{
    Everyone,
    Seniors,
    YoungAdults,
    Families,
    Children,
}

internal enum RecurrenceFrequency
{
    Weekly,
    Monthly,
}

/// <summary>
/// How an activity repeats. Weekly uses <see cref="Days"/>; monthly uses either
/// <see cref="DayOfMonth"/> (the 15th) or <see cref="WeekOfMonth"/> with <see cref="DayOfWeek"/>
/// (the 2nd Tuesday, -1 for the last one). It ends on <see cref="Until"/> or after
/// <see cref="Count"/> occurrences, or never.
/// </summary>
internal sealed record ActivityRecurrence(
    RecurrenceFrequency Frequency,
    IReadOnlyList<DayOfWeek>? Days,
    int? DayOfMonth,
    int? WeekOfMonth,
    DayOfWeek? DayOfWeek,
    DateOnly? Until,
    int? Count);

/// <summary>
/// What the coordinator publishes. <see cref="Start"/> and <see cref="End"/> are wall-clock
/// times in Europe/Paris (<see cref="DateTimeKind.Unspecified"/>), so a weekly 14:00 stays at
/// 14:00 across daylight-saving changes.
/// </summary>
internal sealed record ActivityDetails(
    string Title,
    string EasyReadDescription,
    string Place,
    DateTime Start,
    DateTime End,
    int Capacity,
    ActivityAudience Audience,
    ActivityRecurrence? Recurrence);

internal sealed record ActivityPublished(Guid ActivityId, ActivityDetails Details);

internal sealed record ActivityChanged(ActivityDetails Details);

/// <summary>An occurrence, named by its original local start, will not take place.</summary>
internal sealed record OccurrenceCancelled(DateTime OccurrenceStart);

/// <summary>An occurrence, still named by its original local start, takes place at another local time.</summary>
internal sealed record OccurrenceMoved(DateTime OccurrenceStart, DateTime NewStart, DateTime NewEnd);

internal sealed record ActivityWithdrawn(Guid ActivityId);
