namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>Calendar days and deadlines as residents live them, in Europe/Paris.</summary>
internal static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

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
