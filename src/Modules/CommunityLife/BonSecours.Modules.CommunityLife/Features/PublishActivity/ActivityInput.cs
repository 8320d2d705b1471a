using BonSecours.BuildingBlocks.Http;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using FluentValidation;

namespace BonSecours.Modules.CommunityLife.Features.PublishActivity;

/// <summary>The body of POST and PUT /activities. Start and end are Europe/Paris local times without an offset.</summary>
internal sealed record ActivityInput(
    string Title,
    string EasyReadDescription,
    string Place,
    DateTime Start,
    DateTime End,
    int Capacity,
    ActivityAudience Audience,
    RecurrenceInput? Recurrence)
{
    public ActivityDetails ToDetails() => new(
        Title.Trim(), EasyReadDescription.Trim(), Place.Trim(),
        DateTime.SpecifyKind(Start, DateTimeKind.Unspecified), DateTime.SpecifyKind(End, DateTimeKind.Unspecified),
        Capacity, Audience, Recurrence?.ToRecurrence());
}

/// <summary>Days are English day names (<c>tuesday</c>); <see cref="WeekOfMonth"/> is 1 to 4, or -1 for the last.</summary>
internal sealed record RecurrenceInput(
    RecurrenceFrequency Frequency,
    IReadOnlyList<string>? Days,
    int? DayOfMonth,
    int? WeekOfMonth,
    string? DayOfWeek,
    DateOnly? Until,
    int? Count)
{
    public ActivityRecurrence ToRecurrence() => new(
        Frequency,
        Days?.Select(day => ParseDay(day)!.Value).ToList(),
        DayOfMonth,
        WeekOfMonth,
        ParseDay(DayOfWeek),
        Until,
        Count);

    public static System.DayOfWeek? ParseDay(string? day) =>
        Enum.TryParse<System.DayOfWeek>(day, ignoreCase: true, out var parsed) && !int.TryParse(day, out _) ? parsed : null;
}

/// <summary>Checks an activity's fields; shared by publishing and changing.</summary>
internal sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public const int MaxCapacity = 500;

    public ActivityInputValidator()
    {
        RuleFor(input => input.Title).NotEmpty().MaximumLength(120).Named("titre", "title");
        RuleFor(input => input.EasyReadDescription).NotEmpty().MaximumLength(2000).Named("description facile à lire", "easy-read description");
        RuleFor(input => input.Place).NotEmpty().MaximumLength(120).Named("lieu", "place");
        RuleFor(input => input.Capacity).InclusiveBetween(1, MaxCapacity).Named("nombre de places", "capacity");
        RuleFor(input => input.Audience).IsInEnum().Named("public", "audience");
        RuleFor(input => input.Start).Must(start => start.Kind != DateTimeKind.Utc && start.Kind != DateTimeKind.Local)
            .Says("Donnez l'heure de début en heure de Paris, sans fuseau (exemple : 2027-03-23T14:00).", "Give the start as a Europe/Paris local time without an offset (for example 2027-03-23T14:00).")
            .Must(start => !AgendaTime.Zone.IsInvalidTime(start))
            .Says("Cette heure n'existe pas à Paris (changement d'heure).", "This local time does not exist in Paris (daylight-saving change).")
            .OverridePropertyName("start");
        RuleFor(input => input.End).GreaterThan(input => input.Start)
            .Says("La fin doit être après le début.", "The end must be after the start.")
            .Must((input, end) => end - input.Start <= TimeSpan.FromHours(24))
            .Says("Une séance dure 24 heures au plus.", "An occurrence lasts 24 hours at most.")
            .OverridePropertyName("end");
        When(input => input.Recurrence is not null, () =>
        {
            RuleFor(input => input.Recurrence!).SetValidator(new RecurrenceInputValidator()).OverridePropertyName("recurrence");
            RuleFor(input => input.Recurrence!.Until).Must((input, until) => until is null || until >= DateOnly.FromDateTime(input.Start))
                .Says("La date de fin est avant la première séance.", "The end date is before the first occurrence.")
                .OverridePropertyName("recurrence.until");
        });
    }
}

internal sealed class RecurrenceInputValidator : AbstractValidator<RecurrenceInput>
{
    public RecurrenceInputValidator()
    {
        RuleFor(recurrence => recurrence.Frequency).IsInEnum().Named("fréquence", "frequency");
        When(recurrence => recurrence.Frequency == RecurrenceFrequency.Weekly, () =>
        {
            RuleFor(recurrence => recurrence.Days).NotEmpty().Named("jours", "days");
            RuleForEach(recurrence => recurrence.Days).Must(day => RecurrenceInput.ParseDay(day) is not null)
                .Says("Jour inconnu « {PropertyValue} ». Écrivez monday, tuesday, wednesday, thursday, friday, saturday ou sunday.",
                    "Unknown day '{PropertyValue}'. Use monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
        });
        When(recurrence => recurrence.Frequency == RecurrenceFrequency.Monthly, () =>
        {
            RuleFor(recurrence => recurrence).Must(recurrence => recurrence.DayOfMonth is not null ^ (recurrence.WeekOfMonth is not null || recurrence.DayOfWeek is not null))
                .Says("Choisissez un jour du mois (dayOfMonth) ou un jour de la semaine (weekOfMonth et dayOfWeek), pas les deux.",
                    "Give either dayOfMonth, or weekOfMonth with dayOfWeek, not both.")
                .OverridePropertyName("dayOfMonth");
            RuleFor(recurrence => recurrence.DayOfMonth).InclusiveBetween(1, 28).When(recurrence => recurrence.DayOfMonth is not null)
                .Says("Le jour du mois va de 1 à 28, pour exister chaque mois.", "The day of month must be 1 to 28, so it exists every month.");
            When(recurrence => recurrence.DayOfMonth is null, () =>
            {
                RuleFor(recurrence => recurrence.WeekOfMonth).NotNull().Must(week => week is >= 1 and <= 4 or -1)
                    .Says("La semaine du mois va de 1 à 4, ou -1 pour la dernière.", "The week of month must be 1 to 4, or -1 for the last.");
                RuleFor(recurrence => recurrence.DayOfWeek).Must(day => RecurrenceInput.ParseDay(day) is not null)
                    .Says("Jour inconnu « {PropertyValue} ». Écrivez monday, tuesday, wednesday, thursday, friday, saturday ou sunday.",
                        "Unknown day '{PropertyValue}'. Use monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
            });
        });
        RuleFor(recurrence => recurrence).Must(recurrence => recurrence.Until is null || recurrence.Count is null)
            .Says("Donnez une date de fin ou un nombre de séances, pas les deux.", "Give an end date or a count, not both.")
            .OverridePropertyName("until");
        RuleFor(recurrence => recurrence.Count).InclusiveBetween(1, 520).When(recurrence => recurrence.Count is not null)
            .Named("nombre de séances", "count");
    }
}
