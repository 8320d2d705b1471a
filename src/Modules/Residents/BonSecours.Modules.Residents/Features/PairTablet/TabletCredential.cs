namespace BonSecours.Modules.Residents.Features.PairTablet;

/// <summary>
/// The secrets that let a resident sign in on their lent tablet, one document per resident
/// (its id is the resident id). Kept out of the event stream: it holds only hashes, and
/// failed attempts change it far more often than anything an auditor needs to replay.
/// </summary>
internal sealed class TabletCredential
{
    public const int MaxFailedAttempts = 5;

    public Guid Id { get; set; }

    /// <summary>The residence (Marten tenant), so an anonymous pairing request can find it.</summary>
    public string Residence { get; set; } = string.Empty;

    public string SerialNumber { get; set; } = string.Empty;

    /// <summary>SHA-256 of the pending pairing code, or null once the code is used.</summary>
    public string? PairingCodeLookup { get; set; }

    public DateTimeOffset? PairingCodeExpiresAt { get; set; }

    /// <summary>Hash of the paired device's secret, or null until a tablet is paired.</summary>
    public string? DeviceSecretHash { get; set; }

    public string PinHash { get; set; } = string.Empty;

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedAt { get; set; }

    public bool IsLocked => LockedAt is not null;
}
