namespace BonSecours.Modules.Services.Domain;

/// <summary>The kinds of service the association's kiosk offers.</summary>
internal enum OfferingKind
{
    WelcomeDesk,
    BreadAndNewspaperDropOff,
    Ironing,
    Housekeeping,
    Sewing,
    ShoppingAccompaniment,
}

/// <summary>A time slot in Paris local time, as "HH:mm" strings, such as 07:30 to 08:30.</summary>
internal sealed record TimeSlot(string Start, string End);

/// <summary>
/// The latest moment to order, change or cancel: <see cref="DaysBefore"/> days before the
/// service date at <see cref="At"/> ("HH:mm", Paris local time).
/// </summary>
internal sealed record OrderCutOff(int DaysBefore, string At);

internal sealed record OfferingDetails(
    OfferingKind Kind,
    string Name,
    string Description,
    string Pictogram,
    decimal Price,
    IReadOnlyList<DayOfWeek> Days,
    IReadOnlyList<TimeSlot> Slots,
    int CapacityPerSlot,
    OrderCutOff CutOff);

internal sealed record OfferingAdded(Guid OfferingId, OfferingDetails Details);

internal sealed record OfferingChanged(Guid OfferingId, OfferingDetails Details);

internal sealed record OfferingWithdrawn(Guid OfferingId);

/// <summary>A service of the kiosk catalogue, event-sourced and kept as an inline snapshot.</summary>
internal sealed class ServiceOffering
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public OfferingDetails Details { get; set; } = null!;

    public bool Withdrawn { get; set; }

    public TimeSlot? SlotStartingAt(string start) => Details.Slots.FirstOrDefault(slot => slot.Start == start);

    public void Apply(OfferingAdded added)
    {
        Id = added.OfferingId;
        Details = added.Details;
    }

    public void Apply(OfferingChanged changed) => Details = changed.Details;

    public void Apply(OfferingWithdrawn withdrawn) => Withdrawn = true;
}
