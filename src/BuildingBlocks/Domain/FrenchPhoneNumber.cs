using PhoneNumbers;

namespace BonSecours.BuildingBlocks.Domain;

/// <summary>
/// Reads phone numbers the way people in France write them ("06 12 34 56 78",
/// "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678") with libphonenumber, and stores
/// them in E.164 form (+33612345678).
/// </summary>
public static class FrenchPhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string? text, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            var number = Util.Parse(text.Replace("(0)", string.Empty), "FR");
            if (!Util.IsValidNumber(number))
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static bool IsValid(string? text) => TryNormalize(text, out _);

    /// <summary>Formats a stored number for display, "06 12 34 56 78" for a French one.</summary>
    public static string Display(string e164)
    {
        var number = Util.Parse(e164, "FR");
        return Util.Format(number, number.CountryCode == 33 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
    }
}
