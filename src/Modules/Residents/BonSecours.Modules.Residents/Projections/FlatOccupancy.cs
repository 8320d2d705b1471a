using BonSecours.Modules.Residents.Domain;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BonSecours.Modules.Residents.Projections;

/// <summary>A flat with who lives in it now, built from the flat's and the residents' streams.</summary>
internal sealed class FlatOccupancy
{
    public Guid Id { get; set; }

    public string Number { get; set; } = string.Empty;

    public int Floor { get; set; }

    public int Rooms { get; set; }

    public decimal? AreaSquareMetres { get; set; }

    public bool StepFreeAccess { get; set; }

    /// <summary>The household living in the flat, or null when it is empty.</summary>
    public Guid? HouseholdId { get; set; }

    public List<Guid> OccupantIds { get; set; } = [];

    /// <summary>The flat stream's version, sent as the ETag of the flat.</summary>
    public long FlatVersion { get; set; }
}

internal sealed class FlatOccupancyProjection : MultiStreamProjection<FlatOccupancy, Guid>
{
    public FlatOccupancyProjection()
    {
        Identity<FlatRegistered>(registered => registered.FlatId);
        Identity<FlatDetailsChanged>(changed => changed.FlatId);
        Identity<ResidentMovedIn>(movedIn => movedIn.FlatId);
        Identity<ResidentMovedOut>(movedOut => movedOut.FlatId);
    }

    public static FlatOccupancy Create(IEvent<FlatRegistered> registered) => new()
    {
        Id = registered.Data.FlatId,
        Number = registered.Data.Number,
        Floor = registered.Data.Floor,
        Rooms = registered.Data.Rooms,
        AreaSquareMetres = registered.Data.AreaSquareMetres,
        StepFreeAccess = registered.Data.StepFreeAccess,
        FlatVersion = registered.Version,
    };

    public void Apply(IEvent<FlatDetailsChanged> changed, FlatOccupancy flat)
    {
        flat.Floor = changed.Data.Floor;
        flat.Rooms = changed.Data.Rooms;
        flat.AreaSquareMetres = changed.Data.AreaSquareMetres;
        flat.StepFreeAccess = changed.Data.StepFreeAccess;
        flat.FlatVersion = changed.Version;
    }

    public void Apply(IEvent<ResidentMovedIn> movedIn, FlatOccupancy flat)
    {
        flat.HouseholdId = movedIn.Data.HouseholdId;
        if (!flat.OccupantIds.Contains(movedIn.StreamId))
        {
            flat.OccupantIds.Add(movedIn.StreamId);
        }
    }

    public void Apply(IEvent<ResidentMovedOut> movedOut, FlatOccupancy flat)
    {
        flat.OccupantIds.Remove(movedOut.StreamId);
        if (flat.OccupantIds.Count == 0)
        {
            flat.HouseholdId = null;
        }
    }
}
