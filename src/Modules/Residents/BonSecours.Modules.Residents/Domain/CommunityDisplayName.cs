using System.Globalization;

namespace BonSecours.Modules.Residents.Domain;

/// <summary>
/// Builds the name shown to the residence's community: the first name and the initial of the last
/// name, such as « Jeanne M. » for Jeanne Martin. The rest of the last name never leaves the module.
/// </summary>
internal static class CommunityDisplayName
{
    public static string Of(string firstName, string lastName)
    {
        var first = firstName.Trim();
        var last = lastName.Trim();
        if (last.Length == 0)
        {
            return first;
        }

        // Take the first text element so an initial written with a combining accent stays whole.
        var initial = StringInfo.GetNextTextElement(last, 0).ToUpper(CultureInfo.GetCultureInfo("fr-FR"));
        return $"{first} {initial}.";
    }
}
