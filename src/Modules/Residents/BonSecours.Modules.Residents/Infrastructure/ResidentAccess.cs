using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Projections;

namespace BonSecours.Modules.Residents.Infrastructure;

/// <summary>
/// Who may see or change one resident: staff of the residence, the resident, and the
/// caregivers the resident consented to. Roles alone are checked by endpoint policies;
/// this adds the relationship, which only the data can tell.
/// </summary>
internal sealed class ResidentAccess(IRequestContext context)
{
    public void EnsureCanRead(ResidentProfile profile)
    {
        if (Policies.IsStaff(context.Role) || context.Role == Roles.Auditor || IsSelf(profile) || IsConsentedCaregiver(profile))
        {
            return;
        }

        throw Denied();
    }

    public void EnsureCanChangePreferences(ResidentProfile profile)
    {
        if (Policies.IsStaff(context.Role) || IsSelf(profile) || IsConsentedCaregiver(profile))
        {
            return;
        }

        throw Denied();
    }

    /// <summary>Lets staff, the household's members and the caregivers a member consented to read a household.</summary>
    public void EnsureCanReadHousehold(HouseholdView household, IEnumerable<ResidentProfile> members)
    {
        if (Policies.IsStaff(context.Role) || members.Any(member => IsSelf(member) || IsConsentedCaregiver(member)))
        {
            return;
        }

        throw new AccessDeniedException("household.access-denied", new LocalizedText(
            "Vous n'avez pas accès à ce foyer.",
            "You do not have access to this household."));
    }

    private bool IsSelf(ResidentProfile profile) =>
        context.Role == Roles.Resident && context.PersonId == profile.Id.ToString();

    private bool IsConsentedCaregiver(ResidentProfile profile) =>
        context.Role == Roles.Caregiver
        && Guid.TryParse(context.PersonId, out var caregiverId)
        && profile.Caregivers.Any(caregiver => caregiver.CaregiverId == caregiverId);

    private static AccessDeniedException Denied() => new("resident.access-denied", new LocalizedText(
        "Vous n'avez pas accès à la fiche de ce résident.",
        "You do not have access to this resident's record."));
}
