using BonSecours.Modules.CareFollowUp.Alerts;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>The alert caregivers get when their relative has not checked in. It names no one, as it may show on a locked screen.</summary>
internal static class MissedCheckInAlert
{
    public const string Kind = "check-in-missed";

    public const string Title = "Pas encore de nouvelles";

    public const string Body = "Votre proche n'a pas encore dit « Je vais bien » aujourd'hui.";

    public static StaffAlert For(string residence, MissedCheckInAlertDue message) => new(
        residence,
        [],
        message.CaregiverIds,
        [],
        Kind,
        Title,
        Body,
        "/",
        $"check-in-{message.ResidentId:N}-{message.Day:yyyy-MM-dd}",
        new { residentId = message.ResidentId, day = message.Day });
}
