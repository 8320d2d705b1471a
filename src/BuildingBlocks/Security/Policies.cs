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

    /// <summary>The association's kiosk: its catalogue, the orders to confirm and deliver, the daily round.</summary>
    public const string Kiosk = "kiosk";

    /// <summary>
    /// Registers the policies. Every policy, the fallback included, also requires the
    /// <c>residence</c> claim, because every request works inside one residence.
    /// </summary>
    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, policy => InResidence(policy));
        options.AddPolicy(Staff, policy => InResidence(policy).RequireClaim(ClaimNames.Role,
            Roles.Administrator, Roles.ActivityCoordinator, Roles.CareStaff, Roles.OnCall, Roles.KioskStaff, Roles.ConnectedHomeAmbassador));
        options.AddPolicy(TenancyRecords, policy => InResidence(policy).RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.ActivityCoordinator));
        options.AddPolicy(Ambassador, policy => InResidence(policy).RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.ConnectedHomeAmbassador));
        options.AddPolicy(Audit, policy => InResidence(policy).RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.Auditor));
        options.AddPolicy(Kiosk, policy => InResidence(policy).RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.KioskStaff));
        options.AddPolicy(Administration, policy => InResidence(policy).RequireClaim(ClaimNames.Role, Roles.Administrator));
        options.DefaultPolicy = options.GetPolicy(SignedIn)!;
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }

    private static AuthorizationPolicyBuilder InResidence(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(ClaimNames.Residence);

    public static bool IsStaff(string role) =>
        role is Roles.Administrator or Roles.ActivityCoordinator or Roles.CareStaff or Roles.OnCall or Roles.KioskStaff or Roles.ConnectedHomeAmbassador;
}
