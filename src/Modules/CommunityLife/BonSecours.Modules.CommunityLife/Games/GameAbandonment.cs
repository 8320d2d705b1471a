using BonSecours.BuildingBlocks.Realtime;
using Marten;
using Wolverine;
using Contracts = BonSecours.Modules.CommunityLife.Contracts;

namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>Ends a game in progress that nobody played for the configured idle time.</summary>
public sealed class GameAbandonment
{
    private readonly TimeProvider _clock;
    private readonly RealtimeBroker _broker;

    internal GameAbandonment(TimeProvider clock, RealtimeBroker broker)
    {
        _clock = clock;
        _broker = broker;
    }

    public async Task HandleAsync(GameIdleCheckDue message, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<GameSession>(message.GameId, cancellationToken);
        if (stream.Aggregate is not { Status: GameStatus.InProgress } game || game.Moves.Count != message.MoveCount)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        stream.AppendOne(new GameAbandoned(game.Id, game.CurrentPlayerId()!.Value, now));
        await context.PublishAsync(new Contracts.GamePlayed(game.Id, GameNotifier.KindName(game.Kind), game.Moves.Count, "abandoned", now));

        // Commit first, so the players' tablets never see an end that was not stored.
        await session.SaveChangesAsync(cancellationToken);
        var saved = await session.Events.AggregateStreamAsync<GameSession>(game.Id, token: cancellationToken);
        var names = await GameView.LoadNamesAsync(session, [saved!], cancellationToken);
        new GameNotifier(_broker, _clock).Publish(context.TenantId ?? string.Empty, "game-abandoned", saved!, names);
    }
}
