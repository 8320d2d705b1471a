using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.BuildingBlocks.Http;
using FluentValidation;

namespace BonSecours.Modules.CareFollowUp.Appointments;

/// <summary>The fields a client sends to schedule or edit an appointment.</summary>
/// <param name="LocalStart">Paris local date and time, such as <c>2027-03-15T14:30</c>, without offset.</param>
/// <param name="AmbiguousTimeChoice"><c>earlier</c> (UTC+2) or <c>later</c> (UTC+1), only for a time in the autumn overlap hour.</param>
internal sealed record AppointmentInput(
    string? Practitioner,
    string? Specialty,
    string? Place,
    string? LocalStart,
    int DurationMinutes,
    string? Notes,
    bool NeedsCompanion,
    string? AmbiguousTimeChoice)
{
    public const int MaxDurationMinutes = 24 * 60;

    /// <summary>Returns the start instant; throws a 422 for a Paris local time that does not exist or is ambiguous.</summary>
    public DateTimeOffset StartInstant()
    {
        ParisTime.TryParseLocal(LocalStart, out var local);
        return ParisTime.ToInstant(local, ParisTime.ParseChoice(AmbiguousTimeChoice));
    }

    public AppointmentDetails ToDetails(Guid appointmentId, Guid residentId) => new()
    {
        Id = appointmentId,
        ResidentId = residentId,
        Practitioner = Practitioner!.Trim(),
        Specialty = Specialty!.Trim(),
        Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(),
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
    };
}

internal static class AppointmentInputRules
{
    /// <summary>
    /// Adds the input checks to a command validator. Errors are keyed by the JSON field names
    /// the client sent, such as <c>practitioner</c>.
    /// </summary>
    public static void ValidateInput<T>(this AbstractValidator<T> validator, Func<T, AppointmentInput> input)
    {
        validator.RuleFor(command => input(command).Practitioner).NotEmpty().MaximumLength(120)
            .OverridePropertyName("practitioner").Named("praticien", "practitioner");
        validator.RuleFor(command => input(command).Specialty).NotEmpty().MaximumLength(120)
            .OverridePropertyName("specialty").Named("spécialité", "specialty");
        validator.RuleFor(command => input(command).Place).MaximumLength(300)
            .OverridePropertyName("place").Named("lieu", "place");
        validator.RuleFor(command => input(command).Notes).MaximumLength(2000)
            .OverridePropertyName("notes").Named("notes", "notes");
        validator.RuleFor(command => input(command).DurationMinutes).InclusiveBetween(1, AppointmentInput.MaxDurationMinutes)
            .OverridePropertyName("durationMinutes").Named("durée en minutes", "duration in minutes");
        validator.RuleFor(command => input(command).LocalStart)
            .Must(text => ParisTime.TryParseLocal(text, out _))
            .OverridePropertyName("localStart")
            .Says("La date et l'heure doivent avoir la forme 2027-03-15T14:30 (heure de Paris, sans décalage).",
                  "The date and time must look like 2027-03-15T14:30 (Paris local time, no offset).");
        validator.RuleFor(command => input(command).AmbiguousTimeChoice)
            .Must(choice => choice is null or "earlier" or "later")
            .OverridePropertyName("ambiguousTimeChoice")
            .Says("ambiguousTimeChoice vaut « earlier » ou « later ».", "ambiguousTimeChoice must be 'earlier' or 'later'.");
    }
}
