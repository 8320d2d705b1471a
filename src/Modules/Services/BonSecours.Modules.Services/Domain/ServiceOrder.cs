namespace BonSecours.Modules.Services.Domain;

internal enum OrderStatus
{
    Placed,
    Confirmed,
    Declined,
    Cancelled,
    Delivered,
}

internal sealed record OrderPlaced(
    Guid OrderId,
    Guid OfferingId,
    OfferingKind OfferingKind,
    string OfferingName,
    Guid ResidentId,
    Guid? HouseholdId,
    DateOnly Date,
    TimeSlot Slot,
    int Quantity,
    string? Note,
    decimal UnitPrice,
    OrderCutOff CutOff,
    Guid? RecurringOrderId,
    string PlacedBy);

internal sealed record OrderChanged(Guid OrderId, DateOnly Date, TimeSlot Slot, int Quantity, string? Note);

internal sealed record OrderConfirmed(Guid OrderId);

internal sealed record OrderDeclined(Guid OrderId, string Reason);

internal sealed record OrderCancelled(Guid OrderId, string CancelledBy);

internal sealed record OrderDelivered(Guid OrderId);

/// <summary>
/// One order of one offering for one slot, kept as an inline snapshot. The unit price is
/// copied at ordering time, so a later price change never alters a past statement.
/// </summary>
internal sealed class ServiceOrder
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid OfferingId { get; set; }

    public OfferingKind OfferingKind { get; set; }

    public string OfferingName { get; set; } = string.Empty;

    public Guid ResidentId { get; set; }

    public Guid? HouseholdId { get; set; }

    public DateOnly Date { get; set; }

    public TimeSlot Slot { get; set; } = null!;

    public int Quantity { get; set; }

    public string? Note { get; set; }

    public decimal UnitPrice { get; set; }

    public OrderCutOff CutOff { get; set; } = null!;

    public Guid? RecurringOrderId { get; set; }

    public OrderStatus Status { get; set; }

    public string? DeclineReason { get; set; }

    public string? CancelledBy { get; set; }

    public bool IsOpen => Status is OrderStatus.Placed or OrderStatus.Confirmed;

    public decimal Amount => UnitPrice * Quantity;

    /// <summary>The instant after which the resident can no longer change or cancel the order.</summary>
    public DateTimeOffset ChangeDeadline => KioskCalendar.CutOffFor(CutOff, Date);

    public void Apply(OrderPlaced placed)
    {
        Id = placed.OrderId;
        OfferingId = placed.OfferingId;
        OfferingKind = placed.OfferingKind;
        OfferingName = placed.OfferingName;
        ResidentId = placed.ResidentId;
        HouseholdId = placed.HouseholdId;
        Date = placed.Date;
        Slot = placed.Slot;
        Quantity = placed.Quantity;
        Note = placed.Note;
        UnitPrice = placed.UnitPrice;
        CutOff = placed.CutOff;
        RecurringOrderId = placed.RecurringOrderId;
        Status = OrderStatus.Placed;
    }

    public void Apply(OrderChanged changed)
    {
        Date = changed.Date;
        Slot = changed.Slot;
        Quantity = changed.Quantity;
        Note = changed.Note;
        Status = OrderStatus.Placed;
    }

    public void Apply(OrderConfirmed confirmed) => Status = OrderStatus.Confirmed;

    public void Apply(OrderDeclined declined)
    {
        Status = OrderStatus.Declined;
        DeclineReason = declined.Reason;
    }

    public void Apply(OrderCancelled cancelled)
    {
        Status = OrderStatus.Cancelled;
        CancelledBy = cancelled.CancelledBy;
    }

    public void Apply(OrderDelivered delivered) => Status = OrderStatus.Delivered;
}
