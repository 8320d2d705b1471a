using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CommunityLife.Messaging;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

/// <summary>
/// Who may call whom. A resident calls another resident, a caregiver they consented to, or a
/// staff member; a caregiver calls a resident who consented to them; staff call residents.
/// Every resident involved must live here: unknown in this residence is 404, moved out is 422,
/// a caregiver without consent, a pair where one blocked the other and any other pair is 403.
/// </summary>
internal static class VideoCallReach
{
    public static async Task EnsureCanCallAsync(IQuerySession session, VideoCallParty caller, VideoCallParty callee, CancellationToken cancellationToken)
    {
        if (caller.Key == callee.Key)
        {
            throw new DomainRuleException("video-call.self", new LocalizedText(
                "Vous ne pouvez pas vous appeler vous-même.",
                "You cannot call yourself."));
        }

        switch (caller.Kind, callee.Kind)
        {
            case (VideoCallPartyKind.Resident, VideoCallPartyKind.Resident):
                await LivingResidentAsync(session, caller.Id, cancellationToken);
                await LivingResidentAsync(session, callee.Id, cancellationToken);
                break;
            case (VideoCallPartyKind.Resident, VideoCallPartyKind.Caregiver):
                EnsureConsented(await LivingResidentAsync(session, caller.Id, cancellationToken), callee.Id);
                break;
            case (VideoCallPartyKind.Resident, VideoCallPartyKind.Staff):
                await LivingResidentAsync(session, caller.Id, cancellationToken);
                break;
            case (VideoCallPartyKind.Caregiver, VideoCallPartyKind.Resident):
                EnsureConsented(await LivingResidentAsync(session, callee.Id, cancellationToken), caller.Id);
                break;
            case (VideoCallPartyKind.Staff, VideoCallPartyKind.Resident):
                await LivingResidentAsync(session, callee.Id, cancellationToken);
                break;
            default:
                throw new AccessDeniedException("video-call.pair-not-allowed", new LocalizedText(
                    "Vous ne pouvez pas appeler cette personne. Les appels vidéo relient un résident à un autre résident, à ses aidants ou à l'équipe.",
                    "You cannot call this person. Video calls connect a resident with another resident, their caregivers or the staff."));
        }

        if (await ParticipantBlock.EitherBlockedAsync(session, caller.Key, callee.Key, cancellationToken))
        {
            throw new AccessDeniedException("video-call.blocked", new LocalizedText(
                "Vous ne pouvez pas appeler cette personne.",
                "You cannot call this person because one of you blocked the other."));
        }
    }

    private static async Task<ResidentCommunityFile> LivingResidentAsync(IQuerySession session, string residentId, CancellationToken cancellationToken)
    {
        var file = (Guid.TryParse(residentId, out var id) ? await session.LoadAsync<ResidentCommunityFile>(id, cancellationToken) : null)
            ?? throw new NotFoundException("video-call.resident-not-found", new LocalizedText(
                $"Aucun résident {residentId} dans cette résidence.",
                $"No resident {residentId} in this residence."));
        if (!file.LivesHere)
        {
            throw new DomainRuleException("video-call.resident-moved-out", new LocalizedText(
                "Cette personne n'habite plus la résidence. L'appel vidéo n'est pas possible.",
                "This person no longer lives in the residence. The video call is not possible."));
        }

        return file;
    }

    private static void EnsureConsented(ResidentCommunityFile resident, string caregiverId)
    {
        if (!Guid.TryParse(caregiverId, out var id) || !resident.ConsentedCaregiverIds.Contains(id))
        {
            throw new AccessDeniedException("video-call.caregiver-not-consented", new LocalizedText(
                "Le résident n'a pas donné son accord pour les appels avec cet aidant.",
                "The resident has not consented to calls with this caregiver."));
        }
    }
}
