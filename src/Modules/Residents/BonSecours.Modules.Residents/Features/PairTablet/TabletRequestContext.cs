using BonSecours.BuildingBlocks.Security;

namespace BonSecours.Modules.Residents.Features.PairTablet;

internal static class TabletRequestContext
{
    /// <summary>
    /// Points the request context of an anonymous tablet request at the residence its
    /// code or token belongs to, so sessions open in that tenant and events record the tablet as actor.
    /// </summary>
    public static void UseTablet(this ScopedRequestContext context, string residence, Guid residentId) =>
        context.Use(new SystemRequestContext($"tablet:{residentId:N}", "tablet", residence, context.CorrelationId));
}
