namespace BonSecours.Modules.CommunityLife.Games;

internal enum GameKind
{
    ConnectFour,
    Memory,
}

// Events of one game stream, from the invitation to the end. Player ids are resident ids.

/// <param name="FirstPlayerId">Who moves first: the inviter, or in a rematch who moved second before.</param>
/// <param name="RematchOf">The finished game this invitation replays, if any.</param>
internal sealed record GameInvited(Guid GameId, GameKind Kind, Guid InviterId, Guid OpponentId, Guid FirstPlayerId, Guid? RematchOf, DateTimeOffset At);

internal sealed record GameInvitationDeclined(Guid GameId, DateTimeOffset At);

/// <param name="Seed">Drives the deterministic shuffle of the Memory cards, so a replay of the stream lays them out the same way.</param>
internal sealed record GameStarted(Guid GameId, GameKind Kind, Guid FirstPlayerId, Guid SecondPlayerId, int Seed, DateTimeOffset At);

/// <param name="Position">The column (Connect Four, 0 to 6) or the card (Memory, 0 to 15).</param>
internal sealed record MovePlayed(Guid GameId, Guid PlayerId, int Position, int MoveNumber, DateTimeOffset At);

internal sealed record GameWon(Guid GameId, Guid WinnerId, DateTimeOffset At);

internal sealed record GameDrawn(Guid GameId, DateTimeOffset At);

/// <param name="IdlePlayerId">The player whose turn it was when the game stood still too long.</param>
internal sealed record GameAbandoned(Guid GameId, Guid IdlePlayerId, DateTimeOffset At);
