using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

internal static class CheckInRules
{
    /// <summary>Returns the signed-in resident's id; only a resident taps « Je vais bien » for themselves.</summary>
    public static Guid SignedInResident(IRequestContext context) =>
        context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var residentId)
            ? residentId
            : throw new AccessDeniedException("care.check-in-residents-only", new LocalizedText(
                "Seul le résident peut dire « Je vais bien » pour lui-même.",
                "Only residents can check in, for themselves."));

    public static DomainRuleException NotEnabled() => new("care.check-in-not-enabled", new LocalizedText(
        "« Je vais bien » n'est pas activé pour vous. Demandez à l'équipe de soins.",
        "The daily check-in is not enabled for this resident."));

    public static string Format(TimeOnly deadline) => deadline.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
