using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Services.Domain;

internal sealed record RecurringOrderStarted(
    Guid RecurringOrderId,
    Guid OfferingId,
    Guid ResidentId,
    IReadOnlyList<DayOfWeek> DaysOfWeek,
    string SlotStart,
    int Quantity,
    DateOnly StartDate,
    DateOnly? EndDate,
    string StartedBy);

internal sealed record RecurringOrderPaused(Guid RecurringOrderId, DateOnly From, DateOnly To);

internal sealed record RecurringOrderEnded(Guid RecurringOrderId, DateOnly EndDate);

internal sealed record OccurrenceSkipped(Guid RecurringOrderId, DateOnly Date, string Reason);

internal sealed record OrderPause(DateOnly From, DateOnly To);

internal sealed record SkippedOccurrence(DateOnly Date, string Reason);

/// <summary>
/// A standing order, such as a baguette every weekday morning. Its occurrences become real
/// orders ahead of time, each with an id derived from this order and the date.
/// </summary>
internal sealed class RecurringOrder
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid OfferingId { get; set; }

    public Guid ResidentId { get; set; }

    public List<DayOfWeek> DaysOfWeek { get; set; } = [];

    public string SlotStart { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool Ended { get; set; }

    public List<OrderPause> Pauses { get; set; } = [];

    public List<SkippedOccurrence> Skipped { get; set; } = [];

    public static Guid OccurrenceOrderId(Guid recurringOrderId, DateOnly date) =>
        DeterministicGuid.Create("recurring-occurrence", recurringOrderId.ToString(), date.ToString("yyyy-MM-dd"));

    /// <summary>Tells whether an order is due on <paramref name="date"/>: in range, on a chosen day and not paused.</summary>
    public bool IsDueOn(DateOnly date) =>
        date >= StartDate
        && (EndDate is null || date <= EndDate)
        && DaysOfWeek.Contains(date.DayOfWeek)
        && !Pauses.Any(pause => date >= pause.From && date <= pause.To);

    public void Apply(RecurringOrderStarted started)
    {
        Id = started.RecurringOrderId;
        OfferingId = started.OfferingId;
        ResidentId = started.ResidentId;
        DaysOfWeek = [.. started.DaysOfWeek];
        SlotStart = started.SlotStart;
        Quantity = started.Quantity;
        StartDate = started.StartDate;
        EndDate = started.EndDate;
    }

    public void Apply(RecurringOrderPaused paused) => Pauses.Add(new OrderPause(paused.From, paused.To));

    public void Apply(RecurringOrderEnded ended)
    {
        Ended = true;
        EndDate = EndDate is { } current && current < ended.EndDate ? current : ended.EndDate;
    }

    public void Apply(OccurrenceSkipped skipped) => Skipped.Add(new SkippedOccurrence(skipped.Date, skipped.Reason));
}
