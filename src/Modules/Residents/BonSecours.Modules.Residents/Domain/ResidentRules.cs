using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Residents.Domain;

/// <summary>The failures of the resident rules, with their French and English texts.</summary>
internal static class ResidentRules
{
    public static DomainRuleException AlreadyLivingInAFlat() => new("resident.already-living-in-a-flat", new LocalizedText(
        "Ce résident habite déjà un logement. Enregistrez d'abord son départ.",
        "This resident already lives in a flat. Record their move-out first."));

    public static DomainRuleException NotLivingInAFlat() => new("resident.not-living-in-a-flat", new LocalizedText(
        "Ce résident n'habite aucun logement de la résidence.",
        "This resident does not live in any flat of the residence."));

    public static DomainRuleException MoveOutBeforeMoveIn(DateOnly moveIn) => new("resident.move-out-before-move-in", new LocalizedText(
        $"La date de départ ne peut pas précéder la date d'arrivée ({moveIn:dd/MM/yyyy}).",
        $"The move-out date cannot be before the move-in date ({moveIn:yyyy-MM-dd})."));

    public static DomainRuleException ResidentMovedOut() => new("resident.moved-out", new LocalizedText(
        "Ce résident a quitté la résidence.",
        "This resident has moved out of the residence."));

    public static ConflictException TabletAlreadyLent(string serial) => new("resident.tablet-already-lent", new LocalizedText(
        $"Une tablette ({serial}) est déjà prêtée à ce résident. Enregistrez d'abord son retour.",
        $"A tablet ({serial}) is already lent to this resident. Record its return first."));

    public static DomainRuleException NoTabletLent() => new("resident.no-tablet-lent", new LocalizedText(
        "Aucune tablette n'est prêtée à ce résident.",
        "No tablet is lent to this resident."));

    public static NotFoundException CaregiverNotLinked() => new("resident.caregiver-not-linked", new LocalizedText(
        "Cet aidant n'est pas lié à ce résident.",
        "This caregiver is not linked to this resident."));

    public static NotFoundException ResidentNotFound(Guid id) => new("resident.not-found", new LocalizedText(
        $"Aucun résident {id} dans cette résidence.",
        $"No resident {id} in this residence."));

    public static NotFoundException FlatNotFound(Guid id) => new("flat.not-found", new LocalizedText(
        $"Aucun logement {id} dans cette résidence.",
        $"No flat {id} in this residence."));

    public static NotFoundException CaregiverNotFound(Guid id) => new("caregiver.not-found", new LocalizedText(
        $"Aucun aidant ou référent {id} dans cette résidence.",
        $"No caregiver or referent {id} in this residence."));

    public static NotFoundException HouseholdNotFound(Guid id) => new("household.not-found", new LocalizedText(
        $"Aucun foyer {id} dans cette résidence.",
        $"No household {id} in this residence."));
}
