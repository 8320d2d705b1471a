using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Services.Domain;

/// <summary>The kiosk's refusals, in easy-read French for residents, and in English.</summary>
internal static class KioskRules
{
    public static NotFoundException OfferingNotFound(Guid offeringId) => new("offering.not-found", new LocalizedText(
        "Ce service n'existe pas.",
        $"Offering {offeringId} does not exist in this residence."));

    public static NotFoundException OrderNotFound(Guid orderId) => new("order.not-found", new LocalizedText(
        "Cette commande n'existe pas.",
        $"Order {orderId} does not exist in this residence."));

    public static NotFoundException RecurringOrderNotFound(Guid recurringOrderId) => new("recurring-order.not-found", new LocalizedText(
        "Cette commande régulière n'existe pas.",
        $"Recurring order {recurringOrderId} does not exist in this residence."));

    public static NotFoundException ResidentNotFound(Guid residentId) => new("resident.not-found", new LocalizedText(
        "Cette personne n'habite pas dans la résidence.",
        $"Resident {residentId} does not live in this residence."));

    public static DomainRuleException OfferingWithdrawn() => new("offering.withdrawn", new LocalizedText(
        "Ce service n'est plus proposé.",
        "This offering has been withdrawn."));

    public static DomainRuleException NotOfferedThatDay(DateOnly date) => new("order.day-not-offered", new LocalizedText(
        "Ce service n'est pas proposé ce jour-là. Choisissez un autre jour.",
        $"This offering is not available on {date:yyyy-MM-dd}. Choose another day."));

    public static DomainRuleException UnknownSlot(string slotStart) => new("order.unknown-slot", new LocalizedText(
        $"Il n'y a pas de créneau à {slotStart}. Choisissez un autre horaire.",
        $"There is no slot starting at {slotStart}. Choose one of the offering's slots."));

    public static DomainRuleException TooLateToOrder(OrderCutOff cutOff) => new("order.too-late", new LocalizedText(
        $"C'est trop tard pour commander pour ce jour. La commande se fait {KioskCalendar.DescribeInFrench(cutOff)}.",
        $"It is too late to order for this day. Orders close {KioskCalendar.DescribeInEnglish(cutOff)} (Paris time)."));

    public static DomainRuleException TooLateToChange(OrderCutOff cutOff) => new("order.too-late-to-change", new LocalizedText(
        $"C'est trop tard pour changer cette commande. La commande se fait {KioskCalendar.DescribeInFrench(cutOff)}.",
        $"It is too late to change this order. Orders close {KioskCalendar.DescribeInEnglish(cutOff)} (Paris time)."));

    public static ConflictException SlotFull() => new("order.slot-full", new LocalizedText(
        "Il n'y a plus de place sur ce créneau. Choisissez un autre créneau.",
        "This slot is full. Choose another slot."));

    public static DomainRuleException OrderClosed(OrderStatus status) => new("order.closed", new LocalizedText(
        "Cette commande est terminée. On ne peut plus la changer.",
        $"This order is {status.ToString().ToLowerInvariant()} and can no longer change."));

    public static DomainRuleException RecurringOrderEnded() => new("recurring-order.ended", new LocalizedText(
        "Cette commande régulière est arrêtée.",
        "This recurring order has ended."));

    public static AccessDeniedException CannotActFor() => new("order.access-denied", new LocalizedText(
        "Vous ne pouvez pas commander pour cette personne.",
        "You may not order for this resident."));

    public static AccessDeniedException CannotReadHousehold() => new("statement.access-denied", new LocalizedText(
        "Vous ne pouvez pas voir les comptes de ce foyer.",
        "You may not read this household's statement."));

    public static DomainRuleException NotOfferedOn(DayOfWeek day) => new("recurring-order.day-not-offered", new LocalizedText(
        $"Ce service n'est pas proposé le {FrenchDay(day)}.",
        $"This offering is not available on {day}s."));

    public static DomainRuleException StartInThePast() => new("recurring-order.start-in-past", new LocalizedText(
        "La date de début est passée. Choisissez aujourd'hui ou un jour à venir.",
        "The start date is in the past. Choose today or a later day."));

    private static string FrenchDay(DayOfWeek day) =>
        System.Globalization.CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetDayName(day);
}
