using System.Globalization;
using BonSecours.BuildingBlocks.Domain;
using FluentValidation;
using FluentValidation.Results;

namespace BonSecours.Modules.Residents.Features.PairTablet;

/// <summary>The failures of tablet pairing and sign-in, in easy-read French and in English.</summary>
internal static class TabletRules
{
    public static NotFoundException PairingCodeUnknown() => new("tablet.pairing-code-unknown", new LocalizedText(
        "Ce code ne marche pas. Vérifiez le code. Ou demandez un nouveau code à l'ambassadeur.",
        "This pairing code is unknown or was already used. Check it or ask the ambassador for a new one."));

    /// <summary>A 400 on the pairingCode field, because the code exists but its 15 minutes are over.</summary>
    public static ValidationException PairingCodeExpired() => new([new ValidationFailure("pairingCode",
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? "This pairing code has expired. Ask the ambassador for a new one."
            : "Ce code est trop ancien. Demandez un nouveau code à l'ambassadeur.")]);

    public static LocalizedText DeviceNotRecognized { get; } = new(
        "Cette tablette n'est pas reconnue. Demandez à l'ambassadeur de la préparer.",
        "This tablet is not recognized. Ask the ambassador to pair it again.");

    public static LocalizedText TabletNoLongerLent { get; } = new(
        "Cette tablette ne peut plus ouvrir le portail. Demandez à l'ambassadeur.",
        "This tablet can no longer open the portal: it was returned or the resident moved out.");

    public static LocalizedText Locked { get; } = new(
        "Votre tablette est bloquée. Demandez à l'ambassadeur de la débloquer.",
        "Your tablet is locked. Ask the ambassador to unlock it.");

    public static LocalizedText WrongPin(int remaining) => remaining == 1
        ? new LocalizedText(
            "Ce code n'est pas le bon. Il vous reste 1 essai.",
            "Wrong PIN. You have 1 try left.")
        : new LocalizedText(
            $"Ce code n'est pas le bon. Il vous reste {remaining} essais.",
            $"Wrong PIN. You have {remaining} tries left.");

    public static NotFoundException NotPaired() => new("tablet.not-paired", new LocalizedText(
        "Aucune tablette n'est associée à ce résident. Lancez d'abord l'association.",
        "No tablet is paired with this resident. Start a pairing first."));
}
