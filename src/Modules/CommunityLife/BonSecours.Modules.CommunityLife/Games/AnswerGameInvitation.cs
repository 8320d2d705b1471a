using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using MediatR;
using Wolverine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BonSecours.Modules.CommunityLife.Games;

internal sealed record AcceptGameInvitation(Guid GameId) : ICommand<GameView>;

internal sealed record DeclineGameInvitation(Guid GameId) : ICommand<GameView>;

/// <summary>
/// The invited resident accepts (the game starts, with a fresh seed for the Memory cards) or
/// declines. Only a pending invitation can be answered, and only by the invited resident.
/// </summary>
internal sealed class AnswerGameInvitationHandler(
    ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock, GameNotifier notifier, IOptions<GameOptions> options)
    : IRequestHandler<AcceptGameInvitation, GameView>, IRequestHandler<DeclineGameInvitation, GameView>
{
    public Task<GameView> Handle(AcceptGameInvitation command, CancellationToken cancellationToken) =>
        AnswerAsync(command.GameId, accept: true, nameof(AcceptGameInvitation), cancellationToken);

    public Task<GameView> Handle(DeclineGameInvitation command, CancellationToken cancellationToken) =>
        AnswerAsync(command.GameId, accept: false, nameof(DeclineGameInvitation), cancellationToken);

    private async Task<GameView> AnswerAsync(Guid gameId, bool accept, string requestName, CancellationToken cancellationToken)
    {
        var residentId = GamePlayers.SignedInResident(context);
        await using var session = sessions.OpenForWrite(requestName);
        var stream = await session.Events.FetchForWriting<GameSession>(gameId, cancellationToken);
        var game = GamePlayers.EnsurePlays(stream.Aggregate, gameId, residentId);
        if (game.OpponentId != residentId)
        {
            throw new AccessDeniedException("game.not-invited", new LocalizedText(
                "Seule la personne invitée peut répondre à cette invitation.",
                "Only the invited person can answer this invitation."));
        }

        if (game.Status != GameStatus.Invited)
        {
            throw new ConflictException("game.invitation-answered", new LocalizedText(
                "Cette invitation a déjà reçu une réponse.",
                "This invitation has already been answered."));
        }

        var now = clock.GetUtcNow();
        if (accept)
        {
            var seed = Random.Shared.Next();
            stream.AppendOne(new GameStarted(game.Id, game.Kind, game.FirstPlayerId, game.SecondPlayerId, seed, now));
            await sessions.Bus.ScheduleAsync(new GameIdleCheckDue(game.Id, 0), now + TimeSpan.FromMinutes(options.Value.AbandonAfterMinutes));
        }
        else
        {
            stream.AppendOne(new GameInvitationDeclined(game.Id, now));
        }

        await session.SaveChangesAsync(cancellationToken);
        var saved = await session.Events.AggregateStreamAsync<GameSession>(game.Id, token: cancellationToken);
        var names = await GameView.LoadNamesAsync(session, [saved!], cancellationToken);
        notifier.Publish(context.ResidenceId, accept ? "game-started" : "game-declined", saved!, names);
        return GameView.Of(saved!, names);
    }
}

internal static class AnswerGameInvitationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/games/{gameId:guid}/accept", (Guid gameId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new AcceptGameInvitation(gameId), cancellationToken))
            .WithTags("Jeux")
            .WithSummary("Le résident invité accepte la partie, qui commence");
        api.MapPost("/games/{gameId:guid}/decline", (Guid gameId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new DeclineGameInvitation(gameId), cancellationToken))
            .WithTags("Jeux")
            .WithSummary("Le résident invité refuse la partie");
    }
}
