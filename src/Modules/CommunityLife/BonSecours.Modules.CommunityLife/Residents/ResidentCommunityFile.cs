namespace BonSecours.Modules.CommunityLife.Residents;

/// <summary>
/// What CommunityLife knows of a resident, kept from the Residents module's messages:
/// whether they still live here (a resident who moved out keeps read-only conversations),
/// their flat and floor (for floor groups), and the caregivers they consented to (who may
/// call them), and their community display name (first name and last-name initial, never
/// the full last name).
/// </summary>
internal sealed class ResidentCommunityFile
{
    public Guid Id { get; set; }

    public bool LivesHere { get; set; }

    /// <summary>The display name, such as « Jeanne M. », or null in a database older than the display-name messages.</summary>
    public string? DisplayName { get; set; }

    public Guid? FlatId { get; set; }

    public string? FlatNumber { get; set; }

    public int? Floor { get; set; }

    public Guid? HouseholdId { get; set; }

    public DateOnly? MovedOutOn { get; set; }

    public List<Guid> ConsentedCaregiverIds { get; set; } = [];
}
