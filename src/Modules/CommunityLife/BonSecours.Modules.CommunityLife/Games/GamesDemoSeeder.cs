using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CommunityLife.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>
/// Development only: a finished Connect Four game that Jeanne won against Lucas, so the
/// games list is not empty. Its stream id is fixed, so a restart adds nothing.
/// </summary>
public static class GamesDemoSeeder
{
    // Jeanne and Lucas drop their discs in columns 3 and 4 in turn; Jeanne's fourth disc in column 3 wins.
    private static readonly int[] Moves = [3, 4, 3, 4, 3, 4, 3];

    public static async Task SeedAsync(IServiceProvider services, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ICommunityLifeStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var gameId = DeterministicGuid.Create(residenceId, "demo-game", "connect-four-jeanne-lucas");
        await using var session = store.LightweightSession(residenceId);
        if (await session.Events.FetchStreamStateAsync(gameId, cancellationToken) is not null)
        {
            return;
        }

        // The demo residents' ids, as the Residents module's demo data derives them from their tenancy references.
        var jeanne = DeterministicGuid.Create(residenceId, "resident", "BS-0001");
        var lucas = DeterministicGuid.Create(residenceId, "resident", "BS-0002");
        var start = clock.GetUtcNow().AddDays(-1);
        var events = new List<object>
        {
            new GameInvited(gameId, GameKind.ConnectFour, jeanne, lucas, jeanne, null, start),
            new GameStarted(gameId, GameKind.ConnectFour, jeanne, lucas, 0, start.AddMinutes(1)),
        };
        var game = new GameSession();
        game.Apply((GameInvited)events[0]);
        game.Apply((GameStarted)events[1]);
        for (var i = 0; i < Moves.Length; i++)
        {
            var player = i % 2 == 0 ? jeanne : lucas;
            var played = game.Play(player, Moves[i], start.AddMinutes(2 + i));
            foreach (var change in played)
            {
                events.Add(change);
                ApplyTo(game, change);
            }
        }

        session.Events.StartStream<GameSession>(gameId, events.ToArray());
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo game {GameId} in residence {ResidenceId}", gameId, residenceId);
    }

    private static void ApplyTo(GameSession game, object change)
    {
        switch (change)
        {
            case MovePlayed played:
                game.Apply(played);
                break;
            case GameWon won:
                game.Apply(won);
                break;
            case GameDrawn drawn:
                game.Apply(drawn);
                break;
        }
    }
}
