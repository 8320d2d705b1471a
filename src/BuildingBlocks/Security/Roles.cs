namespace BonSecours.BuildingBlocks.Security;

/// <summary>The roles a token carries, as they appear in the <c>role</c> claim.</summary>
public static class Roles
{
    public const string Administrator = "admin";
    public const string ActivityCoordinator = "activity-coordinator";
    public const string CareStaff = "care-staff";
    public const string OnCall = "on-call";
    public const string KioskStaff = "kiosk-staff";
    public const string ConnectedHomeAmbassador = "connected-home-ambassador";
    public const string Researcher = "researcher";
    public const string Auditor = "auditor";
    public const string Resident = "resident";
    public const string Caregiver = "caregiver";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, ActivityCoordinator, CareStaff, OnCall, KioskStaff,
        ConnectedHomeAmbassador, Researcher, Auditor, Resident, Caregiver,
    ];
}
