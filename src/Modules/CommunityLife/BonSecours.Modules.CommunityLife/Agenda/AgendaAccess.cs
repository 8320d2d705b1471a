using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;
using Microsoft.AspNetCore.Authorization;

namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>Who may do what in the agenda, beyond what the endpoint policies check.</summary>
internal static class AgendaAccess
{
    /// <summary>The coordinator's work: publishing, changing, attendance. Administrators may do it too.</summary>
    public static void Coordinator(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(ClaimNames.Residence)
            .RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.ActivityCoordinator);

    public static bool IsCoordinator(IRequestContext context) =>
        context.Role is Roles.Administrator or Roles.ActivityCoordinator;

    public static bool IsResident(IRequestContext context, Guid residentId) =>
        context.Role == Roles.Resident && context.PersonId == residentId.ToString();

    /// <summary>Loads a resident who lives here, or throws 404.</summary>
    public static async Task<ResidentCommunityFile> LivingResidentAsync(IQuerySession session, Guid residentId, CancellationToken cancellationToken)
    {
        var file = await session.LoadAsync<ResidentCommunityFile>(residentId, cancellationToken);
        return file is { LivesHere: true } ? file : throw AgendaRules.ResidentNotFound(residentId);
    }

    /// <summary>Lets the resident, a caregiver they consented to, and staff read the resident's registrations.</summary>
    public static async Task EnsureCanReadRegistrationsAsync(IQuerySession session, IRequestContext context, Guid residentId, CancellationToken cancellationToken)
    {
        var file = await session.LoadAsync<ResidentCommunityFile>(residentId, cancellationToken) ?? throw AgendaRules.ResidentNotFound(residentId);
        var isConsentedCaregiver = context.Role == Roles.Caregiver
            && Guid.TryParse(context.PersonId, out var caregiverId)
            && file.ConsentedCaregiverIds.Contains(caregiverId);
        if (Policies.IsStaff(context.Role) || IsResident(context, residentId) || isConsentedCaregiver)
        {
            return;
        }

        throw new AccessDeniedException("activity.registrations-denied", new LocalizedText(
            "Vous n'avez pas accès aux inscriptions de ce résident.",
            "You do not have access to this resident's registrations."));
    }
}
