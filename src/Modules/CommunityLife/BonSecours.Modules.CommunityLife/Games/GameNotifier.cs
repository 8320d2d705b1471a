using System.Text.Json;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.People;

namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>Sends a game's new state to both players' tablets on the <c>games</c> live stream.</summary>
internal sealed class GameNotifier(RealtimeBroker broker, TimeProvider clock)
{
    public const string Topic = "games";

    public void Publish(string residence, string type, GameSession game, DisplayNames names) =>
        broker.Publish(new RealtimeMessage(
            residence, Topic, type, [$"person:{game.InviterId}", $"person:{game.OpponentId}"], GameView.Of(game, names), clock.GetUtcNow()));

    /// <summary>The kind as the API spells it (camelCase), for the integration message.</summary>
    public static string KindName(GameKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
