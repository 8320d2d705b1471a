using BonSecours.Modules.Residents.Domain;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BonSecours.Modules.Residents.Projections;

/// <summary>
/// The people who live together in one flat, from the first move-in until the last
/// member moves out. MoveResidentIn takes the household id from the flat, which has
/// none once it is empty, so the next resident to move in starts a new household.
/// </summary>
internal sealed class HouseholdView
{
    public Guid Id { get; set; }

    public Guid FlatId { get; set; }

    public string FlatNumber { get; set; } = string.Empty;

    public int Floor { get; set; }

    public List<Guid> MemberIds { get; set; } = [];

    /// <summary>The earliest move-in date of any member.</summary>
    public DateOnly FormedOn { get; set; }

    /// <summary>The move-out date of the last member, or null while someone still lives there.</summary>
    public DateOnly? EndedOn { get; set; }
}

internal sealed class HouseholdViewProjection : MultiStreamProjection<HouseholdView, Guid>
{
    public HouseholdViewProjection()
    {
        Identity<ResidentMovedIn>(movedIn => movedIn.HouseholdId);
        Identity<ResidentMovedOut>(movedOut => movedOut.HouseholdId);
    }

    public static HouseholdView Create(IEvent<ResidentMovedIn> movedIn) => new()
    {
        Id = movedIn.Data.HouseholdId,
        FlatId = movedIn.Data.FlatId,
        FlatNumber = movedIn.Data.FlatNumber,
        Floor = movedIn.Data.Floor,
        MemberIds = [movedIn.StreamId],
        FormedOn = movedIn.Data.MoveInDate,
    };

    public void Apply(IEvent<ResidentMovedIn> movedIn, HouseholdView household)
    {
        if (!household.MemberIds.Contains(movedIn.StreamId))
        {
            household.MemberIds.Add(movedIn.StreamId);
        }

        if (movedIn.Data.MoveInDate < household.FormedOn)
        {
            household.FormedOn = movedIn.Data.MoveInDate;
        }

        household.EndedOn = null;
    }

    public void Apply(IEvent<ResidentMovedOut> movedOut, HouseholdView household)
    {
        household.MemberIds.Remove(movedOut.StreamId);
        if (household.MemberIds.Count == 0)
        {
            household.EndedOn = movedOut.Data.MoveOutDate;
        }
    }
}
