namespace BonSecours.Modules.CommunityLife.Games.Rules;

/// <summary>What a move led to. <see cref="Winner"/> is a player index (0 or 1) when the game is won.</summary>
internal sealed record MoveOutcome(MoveResult Result, int? Winner = null)
{
    public static readonly MoveOutcome Continue = new(MoveResult.Continue);

    public static readonly MoveOutcome Drawn = new(MoveResult.Drawn);

    public static MoveOutcome WonBy(int player) => new(MoveResult.Won, player);
}

internal enum MoveResult
{
    Continue,
    Won,
    Drawn,
}

/// <summary>
/// The rules of one turn-based game for two players, numbered 0 (who moves first) and 1.
/// A board checks that a move is legal and says what it led to. Whose turn it is, is the
/// board's decision, because in Memory a player who finds a pair plays again.
/// </summary>
internal abstract class GameBoard
{
    public int CurrentPlayer { get; protected set; }

    /// <summary>Plays <paramref name="position"/> for the current player, or throws a <c>DomainRuleException</c> (HTTP 422) for an illegal move.</summary>
    public abstract MoveOutcome Play(int position);

    public static GameBoard Create(GameKind kind, int seed) => kind switch
    {
        GameKind.ConnectFour => new ConnectFourBoard(),
        GameKind.Memory => new MemoryBoard(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown game kind."),
    };
}
