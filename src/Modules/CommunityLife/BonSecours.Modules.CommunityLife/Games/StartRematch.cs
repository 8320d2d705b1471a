using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Games;

internal sealed record StartRematch(Guid GameId) : ICommand<GameView>;

/// <summary>
/// After a finished game, either player invites the other to the same game again with the
/// roles swapped: who moved second before moves first now.
/// </summary>
internal sealed class StartRematchHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock, GameNotifier notifier)
    : IRequestHandler<StartRematch, GameView>
{
    public async Task<GameView> Handle(StartRematch command, CancellationToken cancellationToken)
    {
        var residentId = GamePlayers.SignedInResident(context);
        await using var session = sessions.OpenForWrite(nameof(StartRematch));
        var previous = await session.Events.AggregateStreamAsync<GameSession>(command.GameId, token: cancellationToken);
        var game = GamePlayers.EnsurePlays(previous, command.GameId, residentId);
        if (!game.IsFinished)
        {
            throw new ConflictException("game.not-finished", new LocalizedText(
                "Cette partie n'est pas finie. Une revanche se propose à la fin de la partie.",
                "This game is not over. A rematch is offered once the game ends."));
        }

        var opponentId = game.OtherPlayer(residentId);
        await GamePlayers.EnsureLivesHereAsync(session, residentId, cancellationToken);
        await GamePlayers.EnsureLivesHereAsync(session, opponentId, cancellationToken);
        await GamePlayers.EnsureNotBlockedAsync(session, residentId, opponentId, cancellationToken);

        var invited = new GameInvited(Guid.CreateVersion7(), game.Kind, residentId, opponentId, game.SecondPlayerId, game.Id, clock.GetUtcNow());
        session.Events.StartStream<GameSession>(invited.GameId, invited);
        await session.SaveChangesAsync(cancellationToken);

        var rematch = await session.Events.AggregateStreamAsync<GameSession>(invited.GameId, token: cancellationToken);
        var names = await GameView.LoadNamesAsync(session, [rematch!], cancellationToken);
        notifier.Publish(context.ResidenceId, "game-invited", rematch!, names);
        return GameView.Of(rematch!, names);
    }
}

internal static class StartRematchEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/games/{gameId:guid}/rematch", async (Guid gameId, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var game = await mediator.Send(new StartRematch(gameId), cancellationToken);
                return TypedResults.Created($"/api/v1/games/{game.Id}", game);
            })
            .WithTags("Jeux")
            .WithSummary("Propose une revanche après une partie finie : l'autre joueur commence");
}
