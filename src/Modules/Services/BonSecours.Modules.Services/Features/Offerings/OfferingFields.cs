using System.Text.RegularExpressions;
using BonSecours.BuildingBlocks.Http;
using BonSecours.Modules.Services.Domain;
using FluentValidation;

namespace BonSecours.Modules.Services.Features.Offerings;

/// <summary>The fields of an offering as a client sends them, for adding and for changing.</summary>
internal interface IOfferingFields
{
    OfferingKind? Kind { get; }

    string Name { get; }

    string Description { get; }

    string Pictogram { get; }

    decimal? Price { get; }

    IReadOnlyList<DayOfWeek> Days { get; }

    IReadOnlyList<TimeSlot> Slots { get; }

    int? CapacityPerSlot { get; }

    OrderCutOff CutOff { get; }
}

/// <summary>The request body of PUT /offerings/{id}.</summary>
internal sealed record OfferingFields(
    OfferingKind? Kind, string Name, string Description, string Pictogram, decimal? Price,
    IReadOnlyList<DayOfWeek> Days, IReadOnlyList<TimeSlot> Slots, int? CapacityPerSlot, OrderCutOff CutOff) : IOfferingFields;

internal static partial class OfferingFieldRules
{
    public const decimal MaxPrice = 10_000m;

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public static partial Regex TimeOfDay();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PictogramKey();

    public static OfferingDetails ToDetails(this IOfferingFields fields) => new(
        fields.Kind!.Value, fields.Name.Trim(), fields.Description.Trim(), fields.Pictogram, fields.Price!.Value,
        [.. fields.Days.Order()], [.. fields.Slots.OrderBy(slot => slot.Start, StringComparer.Ordinal)], fields.CapacityPerSlot!.Value, fields.CutOff);

    public static bool IsTimeOfDay(string? value) => value is not null && TimeOfDay().IsMatch(value);

    /// <summary>Adds the rules every offering must meet to a command validator.</summary>
    public static void AddOfferingRules<T>(this AbstractValidator<T> validator) where T : IOfferingFields
    {
        validator.RuleFor(fields => fields.Kind).NotNull().IsInEnum().Named("type de service", "kind");
        validator.RuleFor(fields => fields.Name).NotEmpty().MaximumLength(80).Named("nom", "name");
        validator.RuleFor(fields => fields.Description).NotEmpty().MaximumLength(500).Named("description", "description");
        validator.RuleFor(fields => fields.Pictogram).NotEmpty().MaximumLength(40)
            .Must(key => key is null || PictogramKey().IsMatch(key))
            .Says("Le pictogramme est un mot en minuscules, sans accent, par exemple « pain » ou « fer-a-repasser ».",
                "The pictogram is a lower-case key without accents, such as 'pain' or 'fer-a-repasser'.")
            .Named("pictogramme", "pictogram");
        validator.RuleFor(fields => fields.Price).NotNull().InclusiveBetween(0m, MaxPrice).Named("prix", "price");
        validator.RuleFor(fields => fields.Price)
            .Must(price => price is not { } value || value == decimal.Round(value, 2))
            .Says("Le prix a au plus 2 chiffres après la virgule, par exemple 1,10 €.",
                "The price has at most 2 decimal places, such as 1.10.")
            .Named("prix", "price");
        validator.RuleFor(fields => fields.Days).NotEmpty().Named("jours", "days");
        validator.RuleFor(fields => fields.Days)
            .Must(days => days is null || (days.Distinct().Count() == days.Count && days.All(Enum.IsDefined)))
            .Says("Chaque jour est donné une seule fois.", "Each day is listed once.")
            .Named("jours", "days");
        validator.RuleFor(fields => fields.Slots).NotEmpty().Must(slots => slots is null || slots.Count <= 24).Named("créneaux", "slots");
        validator.RuleFor(fields => fields.Slots)
            .Must(slots => slots is null || slots.All(slot => slot is not null && IsTimeOfDay(slot.Start) && IsTimeOfDay(slot.End)
                && string.CompareOrdinal(slot.Start, slot.End) < 0))
            .Says("Chaque créneau a un début et une fin au format HH:mm, par exemple 07:30 et 08:30. Le début est avant la fin.",
                "Each slot has a start and an end as HH:mm, such as 07:30 and 08:30, and starts before it ends.")
            .Named("créneaux", "slots");
        validator.RuleFor(fields => fields.Slots)
            .Must(slots => slots is null || slots.Where(slot => slot is not null).Select(slot => slot.Start).Distinct().Count() == slots.Count)
            .Says("Deux créneaux ne peuvent pas commencer à la même heure.", "Two slots cannot start at the same time.")
            .Named("créneaux", "slots");
        validator.RuleFor(fields => fields.CapacityPerSlot).NotNull().InclusiveBetween(1, 500).Named("places par créneau", "capacity per slot");
        validator.RuleFor(fields => fields.CutOff).NotNull().Named("heure limite de commande", "order cut-off");
        validator.RuleFor(fields => fields.CutOff.DaysBefore).InclusiveBetween(0, 14)
            .When(fields => fields.CutOff is not null).Named("jours avant", "days before");
        validator.RuleFor(fields => fields.CutOff.At).Must(IsTimeOfDay)
            .When(fields => fields.CutOff is not null)
            .Says("L'heure limite est au format HH:mm, par exemple 18:00.", "The cut-off time is HH:mm, such as 18:00.")
            .Named("heure limite", "cut-off time");
    }
}
