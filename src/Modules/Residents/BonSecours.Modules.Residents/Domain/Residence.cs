using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Residents.Domain;

internal sealed record ResidenceRegistered(string ResidenceId, string Name, string Street, string PostalCode, string Town, int Floors);

internal sealed record ResidenceDetailsChanged(string Name, string Street, string PostalCode, string Town, int Floors);

/// <summary>The residence (îlot) itself: one per tenant, kept as an inline snapshot for reads.</summary>
internal sealed class Residence
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string ResidenceId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Street { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string Town { get; set; } = string.Empty;

    public int Floors { get; set; }

    public static Guid StreamIdFor(string residenceId) => DeterministicGuid.Create(residenceId, "residence");

    public void Apply(ResidenceRegistered registered)
    {
        ResidenceId = registered.ResidenceId;
        (Name, Street, PostalCode, Town, Floors) = (registered.Name, registered.Street, registered.PostalCode, registered.Town, registered.Floors);
    }

    public void Apply(ResidenceDetailsChanged changed) =>
        (Name, Street, PostalCode, Town, Floors) = (changed.Name, changed.Street, changed.PostalCode, changed.Town, changed.Floors);
}
