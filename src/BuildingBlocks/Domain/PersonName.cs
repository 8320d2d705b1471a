using System.Globalization;
using System.Text;

namespace BonSecours.BuildingBlocks.Domain;

/// <summary>
/// Rules for people's names: they are stored as typed (only normalised to Unicode NFC, so
/// "é" typed as one or as two code points is the same name) and compared through a key that
/// ignores case, accents and the kind of apostrophe.
/// </summary>
public static class PersonName
{
    public static string Normalize(string name) => name.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Returns the comparison and search key: "Lefèvre-D’Hondt" gives "lefevre-d'hondt".</summary>
    public static string Key(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(character is '\u2019' or '\u02BC' or '\u2018' ? '\'' : character);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
