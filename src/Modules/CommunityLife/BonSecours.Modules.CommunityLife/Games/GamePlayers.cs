using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Messaging;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;

namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>Who may play: residents who live in the residence, and only in their own games.</summary>
internal static class GamePlayers
{
    public static Guid SignedInResident(IRequestContext context) =>
        context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var residentId)
            ? residentId
            : throw new AccessDeniedException("game.residents-only", new LocalizedText(
                "Les jeux sont réservés aux résidents.",
                "Games are for residents only."));

    /// <summary>Checks the resident is known in this residence (404) and still lives here (422).</summary>
    public static async Task EnsureLivesHereAsync(IQuerySession session, Guid residentId, CancellationToken cancellationToken)
    {
        var file = await session.LoadAsync<ResidentCommunityFile>(residentId, cancellationToken)
            ?? throw new NotFoundException("game.resident-not-found", new LocalizedText(
                $"Aucun résident {residentId} dans cette résidence.",
                $"No resident {residentId} in this residence."));
        if (!file.LivesHere)
        {
            throw new DomainRuleException("game.resident-moved-out", new LocalizedText(
                "Cette personne n'habite plus la résidence. Vous ne pouvez pas jouer avec elle.",
                "This person no longer lives in the residence. You cannot play with them."));
        }
    }

    /// <summary>Rejects a game between two residents when either blocked the other in messaging.</summary>
    public static async Task EnsureNotBlockedAsync(IQuerySession session, Guid residentId, Guid otherId, CancellationToken cancellationToken)
    {
        if (await ParticipantBlock.EitherBlockedAsync(session, Participant.Resident(residentId).Key, Participant.Resident(otherId).Key, cancellationToken))
        {
            throw new AccessDeniedException("game.blocked", new LocalizedText(
                "Vous ne pouvez pas jouer avec cette personne.",
                "You cannot play with this person because one of you blocked the other."));
        }
    }

    /// <summary>Loads a game of the signed-in resident: 404 when it does not exist, 403 when they do not play in it.</summary>
    public static GameSession EnsurePlays(GameSession? game, Guid gameId, Guid residentId)
    {
        if (game is null)
        {
            throw new NotFoundException("game.not-found", new LocalizedText(
                $"Aucune partie {gameId} dans cette résidence.",
                $"No game {gameId} in this residence."));
        }

        if (!game.HasPlayer(residentId))
        {
            throw new AccessDeniedException("game.not-a-player", new LocalizedText(
                "Vous ne jouez pas dans cette partie.",
                "You are not a player in this game."));
        }

        return game;
    }
}
