using System.Text.Json.Serialization;
using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Security;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal enum ParticipantKind
{
    Resident,
    Caregiver,
    Staff,
}

/// <summary>
/// Someone who takes part in a conversation: a resident or a caregiver by their person id,
/// a staff member by their user id.
/// </summary>
internal sealed record Participant(ParticipantKind Kind, string Id)
{
    /// <summary>A stable key such as <c>resident:0f3a…</c> or <c>staff:animatrice</c>, used in queries and ids.</summary>
    [JsonIgnore]
    public string Key => $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    /// <summary>The real-time audience entry that reaches this participant's open streams.</summary>
    [JsonIgnore]
    public string Audience => Kind == ParticipantKind.Staff ? $"user:{Id}" : $"person:{Id}";

    public static Participant Resident(Guid residentId) => new(ParticipantKind.Resident, residentId.ToString());

    public static Participant Staff(string userId) => new(ParticipantKind.Staff, userId);

    /// <summary>Reads the kind from a route segment (resident, caregiver or staff). An unknown kind gives null, which validators reject.</summary>
    public static Participant? FromRoute(string kind, string id) =>
        Enum.TryParse<ParticipantKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? new Participant(parsed, id) : null;

    /// <summary>Reads a participant back from its <see cref="Key"/>.</summary>
    public static Participant FromKey(string key)
    {
        var colon = key.IndexOf(':');
        return FromRoute(key[..colon], key[(colon + 1)..]) ?? throw new FormatException($"'{key}' is not a participant key.");
    }

    /// <summary>The caller as a participant, or null when their token names no person although their role needs one.</summary>
    public static Participant? Of(IRequestContext context) => context.Role switch
    {
        Roles.Resident => Guid.TryParse(context.PersonId, out var id) ? Resident(id) : null,
        Roles.Caregiver => Guid.TryParse(context.PersonId, out var id) ? new(ParticipantKind.Caregiver, id.ToString()) : null,
        _ when Policies.IsStaff(context.Role) => Staff(context.UserId),
        _ => null,
    };

    /// <summary>Whether the id has the shape of its kind: a GUID for residents and caregivers.</summary>
    public bool IsWellFormed() =>
        Kind == ParticipantKind.Staff ? !string.IsNullOrWhiteSpace(Id) && Id.Length <= 200 : Guid.TryParse(Id, out _);

    /// <summary>The GUID of a resident or caregiver, in its canonical form.</summary>
    public Participant Normalized() => Kind == ParticipantKind.Staff || !Guid.TryParse(Id, out var id) ? this : this with { Id = id.ToString() };
}
