using System.Globalization;
using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CareFollowUp.Appointments;

/// <summary>Which instant a local time in the autumn overlap hour means.</summary>
internal enum AmbiguousTimeChoice
{
    /// <summary>The first occurrence, still in summer time (UTC+2 in Paris).</summary>
    Earlier,

    /// <summary>The second occurrence, back in winter time (UTC+1 in Paris).</summary>
    Later,
}

/// <summary>
/// Converts the residence's local wall-clock times (Europe/Paris) to instants and back.
/// A local time that does not exist (spring-forward gap) or exists twice (fall-back overlap)
/// is never shifted silently.
/// </summary>
internal static class ParisTime
{
    public const string TimeZoneId = "Europe/Paris";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

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

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static string FormatLocal(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Display(DateTime local) => local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
