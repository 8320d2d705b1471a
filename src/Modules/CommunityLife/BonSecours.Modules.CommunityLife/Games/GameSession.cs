using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CommunityLife.Games.Rules;

namespace BonSecours.Modules.CommunityLife.Games;

internal enum GameStatus
{
    Invited,
    Declined,
    InProgress,
    Won,
    Drawn,
    Abandoned,
}

/// <summary>One game between two residents, from the invitation on, kept as an inline snapshot of its stream.</summary>
internal sealed class GameSession
{
    public Guid Id { get; set; }

    public GameKind Kind { get; set; }

    public GameStatus Status { get; set; }

    public Guid InviterId { get; set; }

    public Guid OpponentId { get; set; }

    public Guid FirstPlayerId { get; set; }

    public Guid? RematchOf { get; set; }

    public int Seed { get; set; }

    /// <summary>The positions played, in order; the board is rebuilt from them.</summary>
    public List<int> Moves { get; set; } = [];

    public Guid? WinnerId { get; set; }

    public Guid? IdlePlayerId { get; set; }

    public DateTimeOffset InvitedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? LastMoveAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public Guid SecondPlayerId => FirstPlayerId == InviterId ? OpponentId : InviterId;

    public bool IsFinished => Status is GameStatus.Won or GameStatus.Drawn or GameStatus.Abandoned;

    public bool HasPlayer(Guid residentId) => residentId == InviterId || residentId == OpponentId;

    public Guid OtherPlayer(Guid residentId) => residentId == InviterId ? OpponentId : InviterId;

    public Guid PlayerAt(int index) => index == 0 ? FirstPlayerId : SecondPlayerId;

    /// <summary>Replays the moves on a fresh board; only meaningful once the game started.</summary>
    public GameBoard Board()
    {
        var board = GameBoard.Create(Kind, Seed);
        foreach (var move in Moves)
        {
            board.Play(move);
        }

        return board;
    }

    /// <summary>The player who moves next, or null when the game is not in progress.</summary>
    public Guid? CurrentPlayerId() => Status == GameStatus.InProgress ? PlayerAt(Board().CurrentPlayer) : null;

    /// <summary>
    /// Checks the move against the game's state and rules and returns the events it leads to.
    /// A move in a finished or not yet started game, or out of turn, is a conflict (HTTP 409).
    /// The board rejects an illegal move (HTTP 422).
    /// </summary>
    public IReadOnlyList<object> Play(Guid playerId, int position, DateTimeOffset now)
    {
        if (IsFinished || Status == GameStatus.Declined)
        {
            throw new ConflictException("game.finished", new LocalizedText(
                "Cette partie est finie. Vous pouvez proposer une revanche.",
                "This game is over. You can offer a rematch."));
        }

        if (Status == GameStatus.Invited)
        {
            throw new ConflictException("game.not-started", new LocalizedText(
                "La partie n'a pas commencé. L'autre joueur doit d'abord accepter l'invitation.",
                "The game has not started. The other player must accept the invitation first."));
        }

        var board = Board();
        if (PlayerAt(board.CurrentPlayer) != playerId)
        {
            throw new ConflictException("game.not-your-turn", new LocalizedText(
                "Ce n'est pas votre tour. Attendez que l'autre joueur joue.",
                "It is not your turn. Wait for the other player to play."));
        }

        var outcome = board.Play(position);
        var events = new List<object> { new MovePlayed(Id, playerId, position, Moves.Count + 1, now) };
        if (outcome.Result == MoveResult.Won)
        {
            events.Add(new GameWon(Id, PlayerAt(outcome.Winner!.Value), now));
        }
        else if (outcome.Result == MoveResult.Drawn)
        {
            events.Add(new GameDrawn(Id, now));
        }

        return events;
    }

    public void Apply(GameInvited invited)
    {
        Id = invited.GameId;
        Kind = invited.Kind;
        Status = GameStatus.Invited;
        InviterId = invited.InviterId;
        OpponentId = invited.OpponentId;
        FirstPlayerId = invited.FirstPlayerId;
        RematchOf = invited.RematchOf;
        InvitedAt = invited.At;
    }

    public void Apply(GameInvitationDeclined declined)
    {
        Status = GameStatus.Declined;
        EndedAt = declined.At;
    }

    public void Apply(GameStarted started)
    {
        Status = GameStatus.InProgress;
        Seed = started.Seed;
        FirstPlayerId = started.FirstPlayerId;
        StartedAt = started.At;
    }

    public void Apply(MovePlayed played)
    {
        Moves.Add(played.Position);
        LastMoveAt = played.At;
    }

    public void Apply(GameWon won)
    {
        Status = GameStatus.Won;
        WinnerId = won.WinnerId;
        EndedAt = won.At;
    }

    public void Apply(GameDrawn drawn)
    {
        Status = GameStatus.Drawn;
        EndedAt = drawn.At;
    }

    public void Apply(GameAbandoned abandoned)
    {
        Status = GameStatus.Abandoned;
        IdlePlayerId = abandoned.IdlePlayerId;
        EndedAt = abandoned.At;
    }
}
