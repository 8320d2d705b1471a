namespace BonSecours.Modules.CareFollowUp.Infrastructure;

/// <summary>The residence's time zone: rota shifts, months and messages use Paris local time.</summary>
internal static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>Returns the instant a Paris local day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => ToInstant(day.ToDateTime(TimeOnly.MinValue));

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now));

    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow());

    /// <summary>
    /// Returns the instant of <paramref name="deadline"/> on <paramref name="day"/>. A deadline
    /// that falls in the spring-forward gap moves to the first valid minute after it.
    /// </summary>
    public static DateTimeOffset DeadlineOn(DateOnly day, TimeOnly deadline)
    {
        var local = day.ToDateTime(deadline, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Returns the first deadline after now: today's when it is still ahead, tomorrow's otherwise.</summary>
    public static (DateOnly Day, DateTimeOffset At) NextDeadline(TimeProvider clock, TimeOnly deadline)
    {
        var today = Today(clock);
        var at = DeadlineOn(today, deadline);
        return at > clock.GetUtcNow() ? (today, at) : (today.AddDays(1), DeadlineOn(today.AddDays(1), deadline));
    }

    public static bool TryParseDeadline(string? value, out TimeOnly deadline) =>
        TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out deadline);
}
