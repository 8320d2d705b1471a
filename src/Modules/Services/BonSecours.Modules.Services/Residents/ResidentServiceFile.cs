namespace BonSecours.Modules.Services.Residents;

/// <summary>
/// What the kiosk knows of a resident, kept from the Residents module's messages: the flat
/// and floor for the daily round, the household for the monthly statement, and which
/// caregivers may order on the resident's behalf. It holds no name.
/// </summary>
internal sealed class ResidentServiceFile
{
    public Guid Id { get; set; }

    public bool LivesHere { get; set; }

    public Guid? FlatId { get; set; }

    public string? FlatNumber { get; set; }

    public int? Floor { get; set; }

    public Guid? HouseholdId { get; set; }

    public DateOnly? MovedOutOn { get; set; }

    public List<Guid> ConsentedCaregiverIds { get; set; } = [];

    /// <summary>True when the file was created in this session and is not stored yet.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsNew { get; set; }
}
