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
}
