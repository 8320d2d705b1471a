using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Infrastructure;

internal static class ServicesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
    }
}
