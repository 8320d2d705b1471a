using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Services.Domain;

internal sealed record SlotPlaceTaken(Guid OrderId);

internal sealed record SlotPlaceReleased(Guid OrderId);

/// <summary>
/// The places taken in one slot of one offering on one date. Every order appends to this
/// stream with the version it read, so two orders for the last place cannot both commit:
/// the second gets a concurrency failure, reads again and finds the slot full.
/// </summary>
internal sealed class SlotBooking
{
    public Guid Id { get; set; }

    public List<Guid> OrderIds { get; set; } = [];

    public static Guid IdFor(string residenceId, Guid offeringId, DateOnly date, string slotStart) =>
        DeterministicGuid.Create(residenceId, "slot", offeringId.ToString(), date.ToString("yyyy-MM-dd"), slotStart);

    public void Apply(SlotPlaceTaken taken)
    {
        if (!OrderIds.Contains(taken.OrderId))
        {
            OrderIds.Add(taken.OrderId);
        }
    }

    public void Apply(SlotPlaceReleased released) => OrderIds.Remove(released.OrderId);
}
