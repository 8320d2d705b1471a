using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.CheckIns;
using BonSecours.Modules.CareFollowUp.Push;
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
    }
}
