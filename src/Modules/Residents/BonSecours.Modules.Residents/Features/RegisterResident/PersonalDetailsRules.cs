using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using FluentValidation;

namespace BonSecours.Modules.Residents.Features.RegisterResident;

/// <summary>Validation shared by every request that carries a person's name and contact details.</summary>
internal static class PersonalDetailsRules
{
    public static void ForName<T>(this AbstractValidator<T> validator, Func<T, string> firstName, Func<T, string> lastName)
    {
        validator.RuleFor(command => firstName(command)).NotEmpty().MaximumLength(80).Must(BeAName)
            .Named("prénom", "first name")
            .Says("Le prénom contient des caractères non autorisés.", "The first name contains characters that are not allowed.")
            .OverridePropertyName("firstName");
        validator.RuleFor(command => lastName(command)).NotEmpty().MaximumLength(80).Must(BeAName)
            .Named("nom", "last name")
            .Says("Le nom contient des caractères non autorisés.", "The last name contains characters that are not allowed.")
            .OverridePropertyName("lastName");
    }

    public static void ForContact<T>(this AbstractValidator<T> validator, Func<T, string?> phone, Func<T, string?> email)
    {
        validator.RuleFor(command => phone(command)).Must(FrenchPhoneNumber.IsValid).When(command => !string.IsNullOrWhiteSpace(phone(command)))
            .Says("Le numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).", "The phone number is not valid (example: 06 12 34 56 78).")
            .OverridePropertyName("phone");
        validator.RuleFor(command => email(command)).EmailAddress().MaximumLength(200).When(command => !string.IsNullOrWhiteSpace(email(command)))
            .Says("L'adresse e-mail n'est pas valide.", "The email address is not valid.")
            .OverridePropertyName("email");
    }

    /// <summary>Letters of any script, with spaces, hyphens, apostrophes and dots between them.</summary>
    private static bool BeAName(string? name) =>
        name is null || name.Normalize(System.Text.NormalizationForm.FormC).All(character =>
            char.IsLetter(character) || char.GetUnicodeCategory(character) == System.Globalization.UnicodeCategory.NonSpacingMark
            || character is ' ' or '-' or '\'' or '\u2019' or '.');
}
