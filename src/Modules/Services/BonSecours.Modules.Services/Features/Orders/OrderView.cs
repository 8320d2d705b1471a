using BonSecours.Modules.Services.Domain;

namespace BonSecours.Modules.Services.Features.Orders;

internal sealed record OrderView(
    Guid Id,
    long Version,
    Guid OfferingId,
    OfferingKind OfferingKind,
    string OfferingName,
    Guid ResidentId,
    DateOnly Date,
    string SlotStart,
    string SlotEnd,
    int Quantity,
    string? Note,
    decimal UnitPrice,
    decimal Amount,
    OrderStatus Status,
    string? DeclineReason,
    Guid? RecurringOrderId,
    DateTimeOffset ChangeDeadline)
{
    public static OrderView Of(ServiceOrder order) => new(
        order.Id, order.Version, order.OfferingId, order.OfferingKind, order.OfferingName, order.ResidentId, order.Date,
        order.Slot.Start, order.Slot.End, order.Quantity, order.Note, order.UnitPrice, order.Amount, order.Status,
        order.DeclineReason, order.RecurringOrderId, order.ChangeDeadline);
}
