namespace BonSecours.Modules.CareFollowUp.Residents;

/// <summary>
/// What this module knows of a resident, kept up to date from the Residents module's
/// messages: where they live, whether they still do, and which caregivers they consented to.
/// It holds no name; the portal reads names from the Residents API.
/// </summary>
internal sealed class ResidentCareFile
{
    public Guid Id { get; set; }

    public string Category { get; set; } = string.Empty;

    public bool LivesHere { get; set; }

    public Guid? FlatId { get; set; }

    public string? FlatNumber { get; set; }

    public int? Floor { get; set; }

    public DateOnly? MovedOutOn { get; set; }

    public List<Guid> ConsentedCaregiverIds { get; set; } = [];
}
