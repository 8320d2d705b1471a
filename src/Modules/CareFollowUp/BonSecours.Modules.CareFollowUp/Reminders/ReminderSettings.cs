using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Appointments;

namespace BonSecours.Modules.CareFollowUp.Reminders;

/// <summary>When a resident wants to be reminded of appointments. A resident without one gets <see cref="Default"/>.</summary>
internal sealed class ReminderSettings
{
    public Guid Id { get; set; }

    /// <summary>Paris local time of the reminder on the day before, or null for none.</summary>
    public TimeOnly? DayBeforeAt { get; set; }

    /// <summary>Reminders this many hours before the start.</summary>
    public List<int> HoursBefore { get; set; } = [];

    public static ReminderSettings Default(Guid residentId) => new()
    {
        Id = residentId,
        DayBeforeAt = new TimeOnly(18, 0),
        HoursBefore = [2],
    };

    /// <summary>
    /// Returns each reminder of an appointment with a stable id (the same rule gives the same
    /// id), ordered by time and without duplicates.
    /// </summary>
    public IReadOnlyList<PlannedReminder> PlanFor(DateTimeOffset startsAt)
    {
        var reminders = new List<PlannedReminder>();
        if (DayBeforeAt is { } at)
        {
            var dayBefore = DateOnly.FromDateTime(ParisTime.ToLocal(startsAt)).AddDays(-1);
            reminders.Add(new PlannedReminder($"day-before-{at:HH\\:mm}", ParisTime.ToInstantLenient(dayBefore.ToDateTime(at)), ReminderKind.DayBefore));
        }

        reminders.AddRange(HoursBefore.Distinct().Select(hours => new PlannedReminder($"hours-before-{hours}", startsAt.AddHours(-hours), ReminderKind.HoursBefore)));
        return reminders.OrderBy(reminder => reminder.DueAt).ToList();
    }
}

internal enum ReminderKind
{
    DayBefore,
    HoursBefore,
}

internal sealed record PlannedReminder(string ReminderId, DateTimeOffset DueAt, ReminderKind Kind);
