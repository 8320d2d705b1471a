using BonSecours.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Push;

/// <summary>The browser passes this key as <c>applicationServerKey</c> when it subscribes.</summary>
internal sealed record VapidPublicKey(string PublicKey);

internal static class VapidPublicKeyEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/push/vapid-public-key", (VapidKeys keys) => new VapidPublicKey(keys.PublicKey))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Notifications")
            .WithSummary("Clé publique du serveur pour s'abonner aux alertes (VAPID)");
}
