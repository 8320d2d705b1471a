using BonSecours.Modules.Services.Features.DailyRounds;
using BonSecours.Modules.Services.Features.Offerings;
using BonSecours.Modules.Services.Features.Orders;
using BonSecours.Modules.Services.Features.RecurringOrders;
using BonSecours.Modules.Services.Features.Statements;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Infrastructure;

internal static class ServicesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        AddOfferingEndpoint.Map(api);
        ChangeOfferingEndpoint.Map(api);
        WithdrawOfferingEndpoint.Map(api);
        ListOfferingsEndpoint.Map(api);
        ListOfferingSlotsEndpoint.Map(api);
        PlaceOrderEndpoint.Map(api);
        ChangeOrderEndpoint.Map(api);
        CancelOrderEndpoint.Map(api);
        ReviewOrderEndpoints.Map(api);
        ListOrdersEndpoint.Map(api);
        StartRecurringOrderEndpoint.Map(api);
        ChangeRecurringOrderEndpoints.Map(api);
        ListRecurringOrdersEndpoint.Map(api);
        GetDailyRoundEndpoint.Map(api);
        GetStatementEndpoint.Map(api);
    }
}
