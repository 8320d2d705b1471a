using BonSecours.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authorization;

namespace BonSecours.Modules.CareFollowUp.Infrastructure;

/// <summary>Authorization policies of the care endpoints; every one requires a residence claim.</summary>
internal static class CarePolicies
{
    /// <summary>Who answers priority calls: care staff, on-call staff and the administrator.</summary>
    public static readonly AuthorizationPolicy CareTeam = InResidence(Roles.Administrator, Roles.CareStaff, Roles.OnCall);

    /// <summary>Who plans the on-call rota and changes the care settings.</summary>
    public static readonly AuthorizationPolicy CareManagement = InResidence(Roles.Administrator, Roles.CareStaff);

    /// <summary>Who may raise a call: the resident for themself, or the care team on their behalf.</summary>
    public static readonly AuthorizationPolicy CallRaisers = InResidence(Roles.Resident, Roles.Administrator, Roles.CareStaff, Roles.OnCall);

    /// <summary>Who may read or acknowledge one call; health-data access then narrows it to the people concerned.</summary>
    public static readonly AuthorizationPolicy CallReaders = InResidence(Roles.Resident, Roles.Caregiver, Roles.Administrator, Roles.CareStaff, Roles.OnCall);

    /// <summary>Who reads the anonymous call statistics.</summary>
    public static readonly AuthorizationPolicy CallStatistics = InResidence(Roles.Administrator, Roles.CareStaff, Roles.Auditor);

    public static readonly AuthorizationPolicy Residents = InResidence(Roles.Resident);

    private static AuthorizationPolicy InResidence(params string[] roles) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(ClaimNames.Residence)
            .RequireClaim(ClaimNames.Role, roles)
            .Build();
}
