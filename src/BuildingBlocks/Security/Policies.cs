using Microsoft.AspNetCore.Authorization;

namespace BonSecours.BuildingBlocks.Security;

/// <summary>Named authorization policies shared by every module's endpoints.</summary>
public static class Policies
{
    /// <summary>Any signed-in person or API client.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>People who work in the residence and need its directory.</summary>
    public const string Staff = "staff";

    /// <summary>Who keeps the tenancy records: flats, residents, moves.</summary>
    public const string TenancyRecords = "tenancy-records";

    /// <summary>The connected-home ambassador's work: tablets, pairing, training.</summary>
    public const string Ambassador = "ambassador";

    /// <summary>Who may read event histories.</summary>
    public const string Audit = "audit";

    public const string Administration = "administration";

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Staff, policy => policy.RequireClaim(ClaimNames.Role,
            Roles.Administrator, Roles.ActivityCoordinator, Roles.CareStaff, Roles.OnCall, Roles.KioskStaff, Roles.ConnectedHomeAmbassador));
        options.AddPolicy(TenancyRecords, policy => policy.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.ActivityCoordinator));
        options.AddPolicy(Ambassador, policy => policy.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.ConnectedHomeAmbassador));
        options.AddPolicy(Audit, policy => policy.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.Auditor));
        options.AddPolicy(Administration, policy => policy.RequireClaim(ClaimNames.Role, Roles.Administrator));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }

    public static bool IsStaff(string role) =>
        role is Roles.Administrator or Roles.ActivityCoordinator or Roles.CareStaff or Roles.OnCall or Roles.KioskStaff or Roles.ConnectedHomeAmbassador;
}
