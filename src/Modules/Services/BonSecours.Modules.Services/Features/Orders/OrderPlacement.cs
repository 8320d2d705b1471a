using BonSecours.Modules.Services.Contracts;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Residents;
using JasperFx.Events;
using Marten;

namespace BonSecours.Modules.Services.Features.Orders;

internal sealed record PlacementRequest(
    Guid OrderId,
    ServiceOffering Offering,
    ResidentServiceFile Resident,
    DateOnly Date,
    string SlotStart,
    int Quantity,
    string? Note,
    Guid? RecurringOrderId,
    string PlacedBy);

/// <summary>
/// The steps every order shares, whether a person places it or a recurring order generates it:
/// check the offering, day and slot, take a place in the slot, and start the order stream.
/// </summary>
internal static class OrderPlacement
{
    public static async Task<ServiceOffering> LoadOfferingAsync(IQuerySession session, Guid offeringId, CancellationToken cancellationToken) =>
        await session.LoadAsync<ServiceOffering>(offeringId, cancellationToken) ?? throw KioskRules.OfferingNotFound(offeringId);

    /// <summary>Returns the offering's slot on that date, or raises a 422 when the offering is withdrawn, closed that day or has no such slot.</summary>
    public static TimeSlot FindSlot(ServiceOffering offering, DateOnly date, string slotStart)
    {
        if (offering.Withdrawn)
        {
            throw KioskRules.OfferingWithdrawn();
        }

        if (!offering.Details.Days.Contains(date.DayOfWeek))
        {
            throw KioskRules.NotOfferedThatDay(date);
        }

        return offering.SlotStartingAt(slotStart) ?? throw KioskRules.UnknownSlot(slotStart);
    }

    public static bool IsPastCutOff(OrderCutOff cutOff, DateOnly date, TimeProvider clock) =>
        clock.GetUtcNow() >= KioskCalendar.CutOffFor(cutOff, date);

    /// <summary>Appends a place for the order to the slot's stream, or raises a 409 when the slot is full.</summary>
    public static async Task TakePlaceAsync(IDocumentSession session, ServiceOffering offering, DateOnly date, string slotStart, Guid orderId, CancellationToken cancellationToken)
    {
        var slotId = SlotBooking.IdFor(session.TenantId, offering.Id, date, slotStart);
        var booking = await session.Events.FetchForWriting<SlotBooking>(slotId, cancellationToken);
        var taken = booking.Aggregate?.OrderIds ?? [];
        if (taken.Contains(orderId))
        {
            return;
        }

        if (taken.Count >= offering.Details.CapacityPerSlot)
        {
            throw KioskRules.SlotFull();
        }

        booking.AppendOne(new SlotPlaceTaken(orderId));
    }

    public static async Task ReleasePlaceAsync(IDocumentSession session, ServiceOrder order, CancellationToken cancellationToken)
    {
        var slotId = SlotBooking.IdFor(session.TenantId, order.OfferingId, order.Date, order.Slot.Start);
        var booking = await session.Events.FetchForWriting<SlotBooking>(slotId, cancellationToken);
        if (booking.Aggregate?.OrderIds.Contains(order.Id) == true)
        {
            booking.AppendOne(new SlotPlaceReleased(order.Id));
        }
    }

    /// <summary>Takes a place and starts the order stream; the caller checks access and the cut-off, then publishes the returned message.</summary>
    public static async Task<ServiceOrdered> PlaceAsync(IDocumentSession session, PlacementRequest request, CancellationToken cancellationToken)
    {
        var offering = request.Offering;
        var slot = FindSlot(offering, request.Date, request.SlotStart);
        await TakePlaceAsync(session, offering, request.Date, slot.Start, request.OrderId, cancellationToken);

        session.Events.StartStream<ServiceOrder>(request.OrderId, new OrderPlaced(
            request.OrderId, offering.Id, offering.Details.Kind, offering.Details.Name, request.Resident.Id, request.Resident.HouseholdId,
            request.Date, slot, request.Quantity, request.Note, offering.Details.Price, offering.Details.CutOff,
            request.RecurringOrderId, request.PlacedBy));

        return new ServiceOrdered(request.OrderId, offering.Id, KindName(offering.Details.Kind), request.Resident.Id,
            request.RecurringOrderId is not null, request.Date);
    }

    /// <summary>Cancels an open order and frees its place; returns the message to publish, or null when the order was already closed.</summary>
    public static async Task<ServiceOrderCancelled?> CancelAsync(IDocumentSession session, Guid orderId, string cancelledBy, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<ServiceOrder>(orderId, cancellationToken);
        var order = stream.Aggregate;
        if (order is null || !order.IsOpen)
        {
            return null;
        }

        await ReleasePlaceAsync(session, order, cancellationToken);
        stream.AppendOne(new OrderCancelled(orderId, cancelledBy));
        return new ServiceOrderCancelled(orderId, order.OfferingId, KindName(order.OfferingKind), cancelledBy);
    }

    public static string KindName(OfferingKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
