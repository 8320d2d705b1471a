using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Games;

internal sealed record GetGame(Guid GameId) : IQuery<GameView>;

internal sealed record ListGames : IQuery<IReadOnlyList<GameView>>;

/// <summary>Reads a game of the signed-in resident, rebuilt from its stream, or their games newest first.</summary>
internal sealed class GetGameHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context)
    : IRequestHandler<GetGame, GameView>, IRequestHandler<ListGames, IReadOnlyList<GameView>>
{
    private const int MaxListed = 50;

    public async Task<GameView> Handle(GetGame query, CancellationToken cancellationToken)
    {
        var residentId = GamePlayers.SignedInResident(context);
        await using var session = sessions.OpenForRead();
        var game = await session.Events.AggregateStreamAsync<GameSession>(query.GameId, token: cancellationToken);
        var played = GamePlayers.EnsurePlays(game, query.GameId, residentId);
        return GameView.Of(played, await GameView.LoadNamesAsync(session, [played], cancellationToken));
    }

    public async Task<IReadOnlyList<GameView>> Handle(ListGames query, CancellationToken cancellationToken)
    {
        var residentId = GamePlayers.SignedInResident(context);
        await using var session = sessions.OpenForRead();
        var games = await session.Query<GameSession>()
            .Where(game => game.InviterId == residentId || game.OpponentId == residentId)
            .OrderByDescending(game => game.InvitedAt)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        var names = await GameView.LoadNamesAsync(session, games, cancellationToken);
        return games.Select(game => GameView.Of(game, names)).ToList();
    }
}

internal static class GetGameEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/games", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListGames(), cancellationToken))
            .WithTags("Jeux")
            .WithSummary("Les 50 dernières parties du résident connecté, la plus récente d'abord");
        api.MapGet("/games/stream", (RealtimeBroker broker, IRequestContext context, CancellationToken cancellationToken) =>
                RealtimeStreams.Open(broker, context, new HashSet<string> { GameNotifier.Topic }, cancellationToken))
            .WithTags("Jeux")
            .WithSummary("Flux en direct (server-sent events) des parties du résident connecté");
        api.MapGet("/games/{gameId:guid}", (Guid gameId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetGame(gameId), cancellationToken))
            .WithTags("Jeux")
            .WithSummary("L'état complet d'une partie (plateau, tour, gagnant), pour la reprendre après un rechargement");
    }
}
