using System.Globalization;
using FluentValidation;

namespace BonSecours.BuildingBlocks.Http;

public static class ValidationNames
{
    /// <summary>
    /// Names a field in the language of the request, so FluentValidation's French messages
    /// read "« nom » ne doit pas être vide" instead of quoting the C# property.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> Named<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, string french, string english) =>
        rule.WithName(_ => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : french);

    /// <summary>Attaches a message in both languages to a rule.</summary>
    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, string french, string english) =>
        rule.WithMessage(_ => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : french);
}
