using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.Orders;
using Marten;
using Wolverine;

namespace BonSecours.Modules.Services.Residents;

/// <summary>
/// When a resident moves out, cancels their open orders from the move-out date on and ends
/// their recurring orders the day before, whatever the cut-off, because the flat no longer receives deliveries for them.
/// </summary>
internal static class MoveOutCleanup
{
    public const string CancelledBy = "moved-out";

    public static async Task RunAsync(IDocumentSession session, IMessageBus bus, Guid residentId, DateOnly moveOutDate, CancellationToken cancellationToken)
    {
        var openOrders = await session.Query<ServiceOrder>()
            .Where(order => order.ResidentId == residentId && order.Date >= moveOutDate
                && (order.Status == OrderStatus.Placed || order.Status == OrderStatus.Confirmed))
            .ToListAsync(cancellationToken);
        foreach (var order in openOrders)
        {
            var message = await OrderPlacement.CancelAsync(session, order.Id, CancelledBy, cancellationToken);
            if (message is not null)
            {
                await bus.PublishAsync(message, new DeliveryOptions { TenantId = session.TenantId });
            }
        }

        var recurringOrders = await session.Query<RecurringOrder>()
            .Where(recurring => recurring.ResidentId == residentId && !recurring.Ended)
            .ToListAsync(cancellationToken);
        foreach (var recurring in recurringOrders)
        {
            session.Events.Append(recurring.Id, new RecurringOrderEnded(recurring.Id, moveOutDate.AddDays(-1)));
        }
    }
}
