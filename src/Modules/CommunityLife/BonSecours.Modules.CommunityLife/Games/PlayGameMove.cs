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
using Contracts = BonSecours.Modules.CommunityLife.Contracts;

namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>A move: the column for Connect Four (0 to 6), the card for Memory (0 to 15).</summary>
internal sealed record GameMoveRequest(int? Column, int? Card);

internal sealed record PlayGameMove(Guid GameId, int? Column, int? Card) : ICommand<GameView>;

/// <summary>
/// Plays the signed-in resident's move, checked by the game's rules. Each move reschedules
/// the idle check; the move that ends the game publishes <see cref="Contracts.GamePlayed"/>.
/// </summary>
internal sealed class PlayGameMoveHandler(
    ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock, GameNotifier notifier, IOptions<GameOptions> options)
    : IRequestHandler<PlayGameMove, GameView>
{
    public async Task<GameView> Handle(PlayGameMove command, CancellationToken cancellationToken)
    {
        var residentId = GamePlayers.SignedInResident(context);
        await using var session = sessions.OpenForWrite(nameof(PlayGameMove));
        var stream = await session.Events.FetchForWriting<GameSession>(command.GameId, cancellationToken);
        var game = GamePlayers.EnsurePlays(stream.Aggregate, command.GameId, residentId);
        var position = PositionOf(game.Kind, command);

        var now = clock.GetUtcNow();
        var events = game.Play(residentId, position, now);
        stream.AppendMany(events);
        var ended = events.FirstOrDefault(change => change is GameWon or GameDrawn);
        if (ended is null)
        {
            await sessions.Bus.ScheduleAsync(new GameIdleCheckDue(game.Id, game.Moves.Count + 1), now + TimeSpan.FromMinutes(options.Value.AbandonAfterMinutes));
        }
        else
        {
            var result = ended is GameWon ? "won" : "drawn";
            await sessions.Bus.PublishAsync(new Contracts.GamePlayed(game.Id, GameNotifier.KindName(game.Kind), game.Moves.Count + 1, result, now));
        }

        await session.SaveChangesAsync(cancellationToken);
        var saved = await session.Events.AggregateStreamAsync<GameSession>(game.Id, token: cancellationToken);
        var names = await GameView.LoadNamesAsync(session, [saved!], cancellationToken);
        notifier.Publish(context.ResidenceId, ended is null ? "game-move-played" : "game-ended", saved!, names);
        return GameView.Of(saved!, names);
    }

    private static int PositionOf(GameKind kind, PlayGameMove command) => kind switch
    {
        GameKind.ConnectFour => command.Column ?? throw new DomainRuleException("game.column-missing", new LocalizedText(
            "Indiquez la colonne où poser votre pion (« column », de 0 à 6).",
            "Give the column to drop your disc in (column, 0 to 6).")),
        _ => command.Card ?? throw new DomainRuleException("game.card-missing", new LocalizedText(
            "Indiquez la carte à retourner (« card », de 0 à 15).",
            "Give the card to turn over (card, 0 to 15).")),
    };
}

internal static class PlayGameMoveEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/games/{gameId:guid}/moves", (Guid gameId, GameMoveRequest body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new PlayGameMove(gameId, body.Column, body.Card), cancellationToken))
            .WithTags("Jeux")
            .WithSummary("Le joueur dont c'est le tour joue un coup : une colonne (Puissance 4) ou une carte (Memory)");
}
