using System.Globalization;
using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>Reads the <c>{start}</c> route value: an occurrence's original local start, <c>yyyy-MM-ddTHH:mm</c>.</summary>
internal static class OccurrenceKeys
{
    public static DateTime Parse(string value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? DateTime.SpecifyKind(start, DateTimeKind.Unspecified)
            : throw new DomainRuleException("activity.invalid-occurrence-start", new LocalizedText(
                $"« {value} » n'est pas un début de séance. Écrivez la date et l'heure de Paris, par exemple 2027-03-23T14:00.",
                $"'{value}' is not an occurrence start. Use a Europe/Paris local date and time such as 2027-03-23T14:00."));
}
