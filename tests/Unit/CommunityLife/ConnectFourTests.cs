using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CommunityLife.Games.Rules;
using Xunit;

namespace BonSecours.Tests.Unit.CommunityLife;

public sealed class ConnectFourTests
{
    /// <summary>Plays the columns in order, players alternating, and returns the last outcome.</summary>
    private static MoveOutcome PlayAll(ConnectFourBoard board, params int[] columns)
    {
        var outcome = MoveOutcome.Continue;
        foreach (var column in columns)
        {
            outcome = board.Play(column);
        }

        return outcome;
    }

    [Fact]
    public void Four_in_a_row_wins()
    {
        var outcome = PlayAll(new ConnectFourBoard(), 0, 0, 1, 1, 2, 2, 3);

        Assert.Equal(MoveResult.Won, outcome.Result);
        Assert.Equal(0, outcome.Winner);
    }

    [Fact]
    public void Four_in_a_column_wins()
    {
        var outcome = PlayAll(new ConnectFourBoard(), 3, 4, 3, 4, 3, 4, 3);

        Assert.Equal(MoveResult.Won, outcome.Result);
        Assert.Equal(0, outcome.Winner);
    }

    [Fact]
    public void Rising_diagonal_wins()
    {
        // Player 0 builds (0,0) (1,1) (2,2) (3,3); player 1 fills the cells beneath.
        var outcome = PlayAll(new ConnectFourBoard(), 0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3);

        Assert.Equal(MoveResult.Won, outcome.Result);
        Assert.Equal(0, outcome.Winner);
    }

    [Fact]
    public void Falling_diagonal_wins()
    {
        // The mirror image of the rising diagonal: player 0 ends on (row 3, column 3).
        var outcome = PlayAll(new ConnectFourBoard(), 6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3);

        Assert.Equal(MoveResult.Won, outcome.Result);
        Assert.Equal(0, outcome.Winner);
    }

    [Fact]
    public void Second_player_can_win()
    {
        var outcome = PlayAll(new ConnectFourBoard(), 0, 1, 0, 1, 0, 1, 6, 1);

        Assert.Equal(MoveResult.Won, outcome.Result);
        Assert.Equal(1, outcome.Winner);
    }

    [Fact]
    public void Full_board_without_four_is_draw()
    {
        // Filling column pairs in this order stacks discs in 2×2 blocks of alternating owners,
        // so no line of four ever forms: columns (0,1), (2,3), (4,5) then column 6 alone.
        var board = new ConnectFourBoard();
        var columns = new List<int>();
        foreach (var (left, right) in new[] { (0, 1), (2, 3), (4, 5) })
        {
            for (var pair = 0; pair < 3; pair++)
            {
                columns.AddRange(pair % 2 == 0 ? [left, right, right, left] : [right, left, left, right]);
            }
        }

        var outcomes = columns.Select(board.Play).ToList();
        outcomes.AddRange(Enumerable.Range(0, 6).Select(_ => board.Play(6)));

        Assert.All(outcomes.SkipLast(1), outcome => Assert.Equal(MoveResult.Continue, outcome.Result));
        Assert.Equal(MoveResult.Drawn, outcomes[^1].Result);
    }

    [Fact]
    public void Full_column_is_rejected()
    {
        var board = new ConnectFourBoard();
        PlayAll(board, 2, 2, 2, 2, 2, 2);

        var failure = Assert.Throws<DomainRuleException>(() => board.Play(2));

        Assert.Equal("game.column-full", failure.Code);
        Assert.Contains("pleine", failure.Detail.French);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    public void Column_out_of_range_is_rejected(int column)
    {
        var failure = Assert.Throws<DomainRuleException>(() => new ConnectFourBoard().Play(column));

        Assert.Equal("game.column-out-of-range", failure.Code);
    }

    [Fact]
    public void Turns_alternate()
    {
        var board = new ConnectFourBoard();

        board.Play(0);
        var afterFirst = board.CurrentPlayer;
        board.Play(0);

        Assert.Equal(1, afterFirst);
        Assert.Equal(0, board.CurrentPlayer);
        Assert.Equal(0, board.At(0, 0));
        Assert.Equal(1, board.At(1, 0));
    }
}
