using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal enum VideoCallPartyKind
{
    Resident,
    Caregiver,
    Staff,
}

/// <summary>One end of a call: a resident or caregiver by person id, or a staff member by user id.</summary>
internal sealed record VideoCallParty(VideoCallPartyKind Kind, string Id)
{
    /// <summary>A single string for queries, such as <c>resident:3f…</c>.</summary>
    public string Key => $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    /// <summary>The real-time audience that reaches this party and nobody else.</summary>
    public string Audience => Kind == VideoCallPartyKind.Staff ? $"user:{Id}" : $"person:{Id}";

    public static VideoCallParty OfCaller(IRequestContext context)
    {
        if (context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var residentId))
        {
            return new VideoCallParty(VideoCallPartyKind.Resident, residentId.ToString());
        }

        if (context.Role == Roles.Caregiver && Guid.TryParse(context.PersonId, out var caregiverId))
        {
            return new VideoCallParty(VideoCallPartyKind.Caregiver, caregiverId.ToString());
        }

        if (Policies.IsStaff(context.Role))
        {
            return new VideoCallParty(VideoCallPartyKind.Staff, context.UserId);
        }

        throw new AccessDeniedException("video-call.not-allowed", new LocalizedText(
            "Votre rôle ne permet pas les appels vidéo.",
            "Your role cannot make or receive video calls."));
    }
}
