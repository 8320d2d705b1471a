using System.Globalization;

namespace BonSecours.BuildingBlocks.Domain;

/// <summary>
/// A message a person reads, in French (the product's language) and in English for API
/// clients that ask for it with Accept-Language.
/// </summary>
public sealed record LocalizedText(string French, string English)
{
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : French;
}
