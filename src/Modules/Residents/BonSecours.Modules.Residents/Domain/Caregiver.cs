namespace BonSecours.Modules.Residents.Domain;

internal sealed record CaregiverRegistered(Guid CaregiverId, CaregiverKind Kind);

/// <summary>A family caregiver or a professional referent who may follow residents who consent.</summary>
internal sealed class Caregiver
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public CaregiverKind Kind { get; set; }

    public void Apply(CaregiverRegistered registered)
    {
        Id = registered.CaregiverId;
        Kind = registered.Kind;
    }
}
