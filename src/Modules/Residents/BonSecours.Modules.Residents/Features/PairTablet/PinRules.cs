using BonSecours.BuildingBlocks.Http;
using FluentValidation;

namespace BonSecours.Modules.Residents.Features.PairTablet;

/// <summary>The PIN a resident types on their tablet: 4 to 6 digits, not easy to guess.</summary>
internal static class PinRules
{
    public static IRuleBuilderOptions<T, string> MustBeAGoodPin<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Matches("^[0-9]{4,6}$")
            .Says("Le code doit avoir 4, 5 ou 6 chiffres.", "The PIN must have 4, 5 or 6 digits.")
            .Must(pin => !IsEasyToGuess(pin))
            .Says(
                "Ce code est trop facile à deviner. Ne mettez pas le même chiffre partout. Ne mettez pas des chiffres qui se suivent.",
                "This PIN is too easy to guess. Do not repeat one digit or use a run of digits such as 1234.")
            .Named("code", "PIN");

    /// <summary>Returns true for one repeated digit (0000) and for runs up or down (1234, 6543).</summary>
    public static bool IsEasyToGuess(string pin)
    {
        if (pin.Length < 2 || !pin.All(char.IsAsciiDigit))
        {
            return false;
        }

        var steps = pin.Zip(pin.Skip(1), (previous, next) => next - previous).Distinct().ToArray();
        return steps is [0] or [1] or [-1];
    }
}
