using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Residents.Domain;

internal sealed record FlatRegistered(Guid FlatId, string Number, int Floor, int Rooms, decimal? AreaSquareMetres, bool StepFreeAccess);

internal sealed record FlatDetailsChanged(Guid FlatId, int Floor, int Rooms, decimal? AreaSquareMetres, bool StepFreeAccess);

/// <summary>A flat (logement) of the residence, identified by its number.</summary>
internal sealed class Flat
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = string.Empty;

    public int Floor { get; set; }

    public int Rooms { get; set; }

    public decimal? AreaSquareMetres { get; set; }

    public bool StepFreeAccess { get; set; }

    /// <summary>Flat ids derive from the residence and the number, so a number exists once.</summary>
    public static Guid IdFor(string residenceId, string number) =>
        DeterministicGuid.Create(residenceId, "flat", number.Trim().ToUpperInvariant());

    public IReadOnlyList<object> ChangeDetails(int floor, int rooms, decimal? area, bool stepFreeAccess) =>
        (floor, rooms, area, stepFreeAccess) == (Floor, Rooms, AreaSquareMetres, StepFreeAccess)
            ? []
            : [new FlatDetailsChanged(Id, floor, rooms, area, stepFreeAccess)];

    public void Apply(FlatRegistered registered)
    {
        Id = registered.FlatId;
        Number = registered.Number;
        Floor = registered.Floor;
        Rooms = registered.Rooms;
        AreaSquareMetres = registered.AreaSquareMetres;
        StepFreeAccess = registered.StepFreeAccess;
    }

    public void Apply(FlatDetailsChanged changed)
    {
        Floor = changed.Floor;
        Rooms = changed.Rooms;
        AreaSquareMetres = changed.AreaSquareMetres;
        StepFreeAccess = changed.StepFreeAccess;
    }
}
