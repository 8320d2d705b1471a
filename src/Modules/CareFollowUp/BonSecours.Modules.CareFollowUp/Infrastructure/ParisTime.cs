using System.Globalization;
using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CareFollowUp.Infrastructure;

/// <summary>Which instant a local time in the autumn overlap hour means.</summary>
internal enum AmbiguousTimeChoice
{
    /// <summary>The first occurrence, still in summer time (UTC+2 in Paris).</summary>
    Earlier,

    /// <summary>The second occurrence, back in winter time (UTC+1 in Paris).</summary>
    Later,
}


/// <summary>The residence's time zone: rota shifts, months and messages use Paris local time.</summary>
internal static class ParisTime
{
    public const string TimeZoneId = "Europe/Paris";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

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
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out deadline);

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>Parses "2027-03-15T14:30" (seconds optional, no offset).</summary>
    public static bool TryParseLocal(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>Reads "earlier" or "later"; anything else, null included, is no choice.</summary>
    public static AmbiguousTimeChoice? ParseChoice(string? text) => text switch
    {
        "earlier" => AmbiguousTimeChoice.Earlier,
        "later" => AmbiguousTimeChoice.Later,
        _ => null,
    };

    /// <summary>
    /// Returns the UTC instant of a Paris local time. Throws a 422 for a time inside the
    /// spring-forward gap, and for one inside the fall-back overlap unless
    /// <paramref name="choice"/> says which occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, AmbiguousTimeChoice? choice)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            throw new DomainRuleException("appointment.local-time-does-not-exist", new LocalizedText(
                $"L'heure {Display(local)} n'existe pas à Paris : ce jour-là, on passe à l'heure d'été et les montres avancent d'une heure. Choisissez une autre heure.",
                $"The time {Display(local)} does not exist in Paris: clocks go forward one hour that day. Choose another time."));
        }

        if (Zone.IsAmbiguousTime(local))
        {
            if (choice is null)
            {
                throw new DomainRuleException("appointment.local-time-ambiguous", new LocalizedText(
                    $"L'heure {Display(local)} existe deux fois à Paris : ce jour-là, on passe à l'heure d'hiver. Précisez ambiguousTimeChoice : « earlier » (heure d'été, UTC+2) ou « later » (heure d'hiver, UTC+1).",
                    $"The time {Display(local)} occurs twice in Paris because clocks go back that day. Set ambiguousTimeChoice to 'earlier' (summer time, UTC+2) or 'later' (winter time, UTC+1)."));
            }

            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var offset = choice == AmbiguousTimeChoice.Earlier ? offsets.Max() : offsets.Min();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// Returns the instant of a local time computed by the system, such as a reminder hour:
    /// a time in the gap moves one hour later and an ambiguous time takes its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstantLenient(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return ToInstant(local, AmbiguousTimeChoice.Earlier);
    }

    public static string FormatLocal(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Display(DateTime local) => local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
