namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>
/// Scheduled after each start or move of a game. The game is abandoned when, on delivery,
/// it is still in progress with the same <paramref name="MoveCount"/>: nobody played since.
/// </summary>
public sealed record GameIdleCheckDue(Guid GameId, int MoveCount);
