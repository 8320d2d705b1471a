using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CommunityLife.Games.Rules;
using Xunit;

namespace BonSecours.Tests.Unit.CommunityLife;

public sealed class MemoryTests
{
    private const int Seed = 20260412;

    /// <summary>The card indexes of each picture in the layout of <paramref name="seed"/>.</summary>
    private static List<(int First, int Second)> PairsOf(int seed)
    {
        var layout = MemoryBoard.Shuffle(seed);
        return layout.Select((picture, index) => (picture, index))
            .GroupBy(card => card.picture)
            .Select(group => (group.First().index, group.Last().index))
            .ToList();
    }

    /// <summary>Two cards with different pictures.</summary>
    private static (int First, int Second) MismatchOf(int seed)
    {
        var pairs = PairsOf(seed);
        return (pairs[0].First, pairs[1].First);
    }

    [Fact]
    public void Same_seed_gives_same_layout()
    {
        Assert.Equal(MemoryBoard.Shuffle(Seed), MemoryBoard.Shuffle(Seed));
        Assert.NotEqual(MemoryBoard.Shuffle(Seed), MemoryBoard.Shuffle(Seed + 1));
    }

    [Fact]
    public void Layout_holds_eight_pairs()
    {
        var layout = MemoryBoard.Shuffle(Seed);

        Assert.Equal(16, layout.Length);
        Assert.All(layout.GroupBy(picture => picture), group => Assert.Equal(2, group.Count()));
        Assert.Equal(8, layout.Distinct().Count());
    }

    [Fact]
    public void Found_pair_scores_and_keeps_turn()
    {
        var board = new MemoryBoard(Seed);
        var pair = PairsOf(Seed)[0];

        board.Play(pair.First);
        var outcome = board.Play(pair.Second);

        Assert.Equal(MoveResult.Continue, outcome.Result);
        Assert.Equal(0, board.CurrentPlayer);
        Assert.Equal(1, board.Scores[0]);
        Assert.True(board.IsFound(pair.First));
        Assert.True(board.IsFound(pair.Second));
    }

    [Fact]
    public void Mismatch_passes_turn_and_turns_back()
    {
        var board = new MemoryBoard(Seed);
        var (first, second) = MismatchOf(Seed);

        board.Play(first);
        var afterFirstCard = board.CurrentPlayer;
        board.Play(second);

        Assert.Equal(0, afterFirstCard);
        Assert.Equal(1, board.CurrentPlayer);
        Assert.Equal((first, second), board.LastMismatch);
        Assert.False(board.IsFound(first));
        Assert.Null(board.RevealedCard);
        Assert.Equal(0, board.Scores[0]);
    }

    [Fact]
    public void Last_pair_shown_until_next_card()
    {
        var board = new MemoryBoard(Seed);
        var pair = PairsOf(Seed)[0];
        var next = PairsOf(Seed)[1].First;

        board.Play(pair.First);
        var beforeSecondCard = board.LastPair;
        board.Play(pair.Second);
        var afterPair = board.LastPair;
        board.Play(next);

        Assert.Null(beforeSecondCard);
        Assert.Equal((pair.First, pair.Second), afterPair);
        Assert.Null(board.LastPair);
        Assert.Equal(next, board.RevealedCard);
    }

    [Fact]
    public void Turned_back_card_can_be_played_again()
    {
        var board = new MemoryBoard(Seed);
        var (first, second) = MismatchOf(Seed);
        board.Play(first);
        board.Play(second);

        var outcome = board.Play(first);

        Assert.Equal(MoveResult.Continue, outcome.Result);
        Assert.Equal(first, board.RevealedCard);
    }

    [Fact]
    public void Same_card_twice_is_rejected()
    {
        var board = new MemoryBoard(Seed);
        board.Play(3);

        var failure = Assert.Throws<DomainRuleException>(() => board.Play(3));

        Assert.Equal("game.card-already-revealed", failure.Code);
    }

    [Fact]
    public void Found_card_is_rejected()
    {
        var board = new MemoryBoard(Seed);
        var pair = PairsOf(Seed)[0];
        board.Play(pair.First);
        board.Play(pair.Second);

        var failure = Assert.Throws<DomainRuleException>(() => board.Play(pair.Second));

        Assert.Equal("game.card-already-revealed", failure.Code);
        Assert.Contains("déjà retournée", failure.Detail.French);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Card_out_of_range_is_rejected(int card)
    {
        var failure = Assert.Throws<DomainRuleException>(() => new MemoryBoard(Seed).Play(card));

        Assert.Equal("game.card-out-of-range", failure.Code);
    }

    [Fact]
    public void Higher_score_wins_at_end()
    {
        var board = new MemoryBoard(Seed);
        var pairs = PairsOf(Seed);
        var outcome = MoveOutcome.Continue;

        // Player 0 finds every pair in a row, so never loses the turn.
        foreach (var (first, second) in pairs)
        {
            board.Play(first);
            outcome = board.Play(second);
        }

        Assert.Equal(MoveResult.Won, outcome.Result);
        Assert.Equal(0, outcome.Winner);
        Assert.Equal(8, board.Scores[0]);
    }

    [Fact]
    public void Equal_scores_draw()
    {
        var board = new MemoryBoard(Seed);
        var pairs = PairsOf(Seed);

        // Player 0 finds pairs 1 to 4, then turns two different pictures; player 1 finds the other four.
        foreach (var (first, second) in pairs.Skip(1).Take(4))
        {
            board.Play(first);
            board.Play(second);
        }

        board.Play(pairs[0].First);
        board.Play(pairs[5].First);
        var turnAfterMiss = board.CurrentPlayer;
        var outcomes = new List<MoveOutcome>();
        foreach (var (first, second) in new[] { pairs[0], pairs[5], pairs[6], pairs[7] })
        {
            outcomes.Add(board.Play(first));
            outcomes.Add(board.Play(second));
        }

        Assert.Equal(1, turnAfterMiss);
        Assert.All(outcomes.SkipLast(1), outcome => Assert.Equal(MoveResult.Continue, outcome.Result));
        Assert.Equal(MoveResult.Drawn, outcomes[^1].Result);
        Assert.Equal(4, board.Scores[0]);
        Assert.Equal(4, board.Scores[1]);
    }
}
