using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Infrastructure;

internal static class CommunityLifeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
    }
}
