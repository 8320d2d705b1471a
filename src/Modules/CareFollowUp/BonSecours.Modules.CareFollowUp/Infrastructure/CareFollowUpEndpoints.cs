using BonSecours.Modules.CareFollowUp.Access;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Infrastructure;

internal static class CareFollowUpEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        ListHealthDataAccessEndpoint.Map(api);
    }
}
