using System.Globalization;
using System.Text.RegularExpressions;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.Residents.Domain;

namespace BonSecours.Modules.Residents.Features.ImportTenancyFile;

/// <summary>One valid line of the tenancy file, with phone and names already normalised.</summary>
internal sealed record TenancyRow(
    int LineNumber,
    string Reference,
    string FlatNumber,
    int Floor,
    int Rooms,
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    ResidentCategory Category,
    string? Phone,
    string? Email,
    DateOnly MoveInDate,
    DateOnly? MoveOutDate);

/// <summary>
/// Checks a line of the file and builds a <see cref="TenancyRow"/>, or lists in French
/// everything wrong with it. The limits repeat those of the RegisterFlat, RegisterResident and
/// MoveResidentIn validators, so the commands seldom reject a line that passes here.
/// </summary>
internal static partial class TenancyRowParser
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    public static (TenancyRow? Row, IReadOnlyList<string> Errors) Parse(TenancyFileLine line, DateOnly today)
    {
        var errors = new List<string>();

        var reference = line.Cell(TenancyColumns.Reference);
        if (reference.Length == 0)
        {
            errors.Add("la référence du bail (reference_bail) est vide.");
        }
        else if (reference.Length > 40)
        {
            errors.Add($"la référence du bail « {reference} » dépasse 40 caractères.");
        }

        var flatNumber = line.Cell(TenancyColumns.Flat);
        if (flatNumber.Length == 0)
        {
            errors.Add("le numéro de logement est vide.");
        }
        else if (flatNumber.Length > 16 || !FlatNumberPattern().IsMatch(flatNumber))
        {
            errors.Add($"le numéro de logement « {flatNumber} » n'est pas valide (lettres, chiffres, espaces, points et tirets, 16 caractères au plus).");
        }

        var floor = ParseInteger(line.Cell(TenancyColumns.Floor), -2, 60, "l'étage", errors);
        var rooms = ParseInteger(line.Cell(TenancyColumns.Rooms), 1, 12, "le nombre de pièces", errors);
        var lastName = CheckName(line.Cell(TenancyColumns.LastName), "le nom", errors);
        var firstName = CheckName(line.Cell(TenancyColumns.FirstName), "le prénom", errors);

        var birthDate = ParseDate(line.Cell(TenancyColumns.BirthDate), "la date de naissance", required: true, errors);
        if (birthDate is { } born && (born < new DateOnly(1900, 1, 1) || born > today))
        {
            errors.Add($"la date de naissance « {line.Cell(TenancyColumns.BirthDate)} » doit être comprise entre 1900 et aujourd'hui.");
        }

        var category = ParseCategory(line.Cell(TenancyColumns.Category), errors);

        var phoneText = line.Cell(TenancyColumns.Phone);
        string? phone = null;
        if (phoneText.Length > 0 && !FrenchPhoneNumber.TryNormalize(phoneText, out phone))
        {
            errors.Add($"le numéro de téléphone « {phoneText} » n'est pas valide (exemple : 06 12 34 56 78).");
        }

        var email = line.Cell(TenancyColumns.Email);
        if (email.Length > 0 && (email.Length > 200 || !LooksLikeEmail(email)))
        {
            errors.Add($"l'adresse e-mail « {email} » n'est pas valide.");
        }

        var moveIn = ParseDate(line.Cell(TenancyColumns.MoveInDate), "la date d'entrée", required: true, errors);
        if (moveIn is { } entered && entered <= new DateOnly(1950, 1, 1))
        {
            errors.Add($"la date d'entrée « {line.Cell(TenancyColumns.MoveInDate)} » doit être postérieure au 01/01/1950.");
        }

        var moveOut = ParseDate(line.Cell(TenancyColumns.MoveOutDate), "la date de sortie", required: false, errors);
        if (moveIn is not null && moveOut is not null && moveOut < moveIn)
        {
            errors.Add($"la date de sortie « {line.Cell(TenancyColumns.MoveOutDate)} » est avant la date d'entrée « {line.Cell(TenancyColumns.MoveInDate)} ».");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var row = new TenancyRow(
            line.LineNumber, reference, flatNumber, floor!.Value, rooms!.Value, PersonName.Normalize(lastName), PersonName.Normalize(firstName),
            birthDate!.Value, category!.Value, phone, email.Length == 0 ? null : email, moveIn!.Value, moveOut);
        return (row, errors);
    }

    /// <summary>Reads the category whatever its case, accents or separators: "Jeune-adulte trisomique" is accepted.</summary>
    public static ResidentCategory? ReadCategory(string text)
    {
        var key = string.Join(' ', PersonName.Key(text).Replace('-', ' ').Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key switch
        {
            "senior" => ResidentCategory.Senior,
            "jeune adulte trisomique" => ResidentCategory.YoungAdultWithDownSyndrome,
            "famille" => ResidentCategory.Family,
            "autre locataire" => ResidentCategory.OtherTenant,
            _ => null,
        };
    }

    private static ResidentCategory? ParseCategory(string text, List<string> errors)
    {
        if (text.Length == 0)
        {
            errors.Add("la catégorie est vide.");
            return null;
        }

        var category = ReadCategory(text);
        if (category is null)
        {
            errors.Add($"la catégorie « {text} » est inconnue (senior, jeune adulte trisomique, famille ou autre locataire).");
        }

        return category;
    }

    private static int? ParseInteger(string text, int minimum, int maximum, string label, List<string> errors)
    {
        if (text.Length == 0)
        {
            errors.Add($"{label} est vide.");
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            errors.Add($"{label} « {text} » doit être un nombre entier entre {minimum} et {maximum}.");
            return null;
        }

        return value;
    }

    private static DateOnly? ParseDate(string text, string label, bool required, List<string> errors)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add($"{label} est vide (format jj/mm/aaaa).");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add($"{label} « {text} » n'est pas une date valide (jj/mm/aaaa).");
            return null;
        }

        return date;
    }

    private static string CheckName(string text, string label, List<string> errors)
    {
        var name = PersonName.Normalize(text);
        if (name.Length == 0)
        {
            errors.Add($"{label} est vide.");
        }
        else if (name.Length > 80)
        {
            errors.Add($"{label} « {name} » dépasse 80 caractères.");
        }
        else if (!name.All(IsNameCharacter))
        {
            errors.Add($"{label} « {name} » contient des caractères non autorisés (lettres, espaces, tirets, apostrophes et points seulement).");
        }

        return name;
    }

    /// <summary>The characters RegisterResident accepts in a name.</summary>
    private static bool IsNameCharacter(char character) =>
        char.IsLetter(character) || char.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark
        || character is ' ' or '-' or '\'' or '\u2019' or '.';

    /// <summary>A loose check in the spirit of FluentValidation's EmailAddress: one "@" with text on both sides.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at < email.Length - 1 && at == email.LastIndexOf('@') && !email.Any(char.IsWhiteSpace);
    }

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z .-]*$")]
    private static partial Regex FlatNumberPattern();
}
