namespace BonSecours.Modules.CommunityLife.People;

/// <summary>What CommunityLife stores of a caregiver, from the Residents module's messages: the name residents see.</summary>
internal sealed class CaregiverCommunityFile
{
    public Guid Id { get; set; }

    /// <summary>The first name and last-name initial, such as « Marie D. ».</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"Caregiver" for a relative or friend, "Referent" for a professional.</summary>
    public string Kind { get; set; } = string.Empty;
}

/// <summary>
/// A staff member who took part in community life, under their user id. Staff come from the
/// identity provider, not from the Residents module, so CommunityLife stores the role and the
/// token's <c>name</c> claim each time a staff member writes a message, starts a conversation
/// or a group, or places or answers a video call (see <see cref="StaffRoster"/>). A staff member
/// who never did any of these has no file: they are named by the fallback label.
/// </summary>
internal sealed class StaffCommunityFile
{
    public string Id { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    /// <summary>The token's <c>name</c> claim, null when the token had none.</summary>
    public string? Name { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
