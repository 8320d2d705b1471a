using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.CheckIns;
using BonSecours.Modules.CareFollowUp.Push;
using BonSecours.Modules.CareFollowUp.Calls;
using BonSecours.Modules.CareFollowUp.Rota;
using BonSecours.Modules.CareFollowUp.Settings;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Infrastructure;

internal static class CareFollowUpEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        ListHealthDataAccessEndpoint.Map(api);
        VapidPublicKeyEndpoint.Map(api);
        AddPushSubscriptionEndpoint.Map(api);
        RemovePushSubscriptionEndpoint.Map(api);
        SetDailyCheckInEndpoint.Map(api);
        GetDailyCheckInEndpoint.Map(api);
        RecordCheckInEndpoint.Map(api);
        RecordPortalActivityEndpoint.Map(api);
        ListMissingCheckInsEndpoint.Map(api);

        AddRotaShiftEndpoint.Map(api);
        ListRotaShiftsEndpoint.Map(api);
        RemoveRotaShiftEndpoint.Map(api);
        CareSettingsEndpoints.Map(api);

        // Fixed paths first, so "statistics" or "test-due" is never read as a call id.
        GetPriorityCallStatisticsEndpoint.Map(api);
        CheckTestCallDueEndpoint.Map(api);
        RaisePriorityCallEndpoint.Map(api);
        AcknowledgePriorityCallEndpoint.Map(api);
        ClosePriorityCallEndpoint.Map(api);
        ReadPriorityCallsEndpoints.Map(api);
    }
}
