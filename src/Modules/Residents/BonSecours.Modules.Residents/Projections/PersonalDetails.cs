namespace BonSecours.Modules.Residents.Projections;

/// <summary>
/// A resident's personal details, kept out of the event stream so they can be erased.
/// Written in the same transaction as the events that change them.
/// </summary>
internal sealed class ResidentPersonalDetails
{
    public Guid Id { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Accent-, case- and apostrophe-insensitive key of "last first", for sorting and search.</summary>
    public string NameKey { get; set; } = string.Empty;
}

/// <summary>A caregiver's or referent's personal details, erasable like a resident's.</summary>
internal sealed class CaregiverPersonalDetails
{
    public Guid Id { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    /// <summary>Free text such as "fille", "éducateur ESAT".</summary>
    public string Relationship { get; set; } = string.Empty;

    public string? Phone { get; set; }

    public string? Email { get; set; }
}
