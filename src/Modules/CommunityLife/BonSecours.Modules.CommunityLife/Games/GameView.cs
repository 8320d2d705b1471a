using BonSecours.Modules.CommunityLife.Games.Rules;
using BonSecours.Modules.CommunityLife.People;
using Marten;

namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>A Connect Four grid: <see cref="Cells"/> lists the rows from the top, each cell null or the resident id of its disc.</summary>
internal sealed record ConnectFourView(int Columns, int Rows, IReadOnlyList<IReadOnlyList<Guid?>> Cells);

/// <summary>One Memory card; the picture is given only while the card is face up.</summary>
internal sealed record MemoryCardView(int Index, string? Picture, bool Found);

internal sealed record MemoryScoreView(Guid PlayerId, int Pairs);

/// <summary>
/// A Memory board as a player may see it: <see cref="RevealedCard"/> is the first card of the turn under way,
/// <see cref="LastMismatch"/> and <see cref="LastPair"/> the two cards of the last finished turn, face up
/// until the next card is turned. Every other card that is not found has a null picture.
/// </summary>
internal sealed record MemoryView(
    IReadOnlyList<MemoryCardView> Cards, IReadOnlyList<MemoryScoreView> Scores, int? RevealedCard, IReadOnlyList<int>? LastMismatch, IReadOnlyList<int>? LastPair);

/// <summary>The full state of a game, rebuilt from its stream, so a reloaded tablet can resume it.</summary>
/// <param name="InviterName">The inviter's community display name, « Un résident » when none is stored.</param>
/// <param name="OpponentName">The opponent's community display name, « Un résident » when none is stored.</param>
internal sealed record GameView(
    Guid Id,
    GameKind Kind,
    GameStatus Status,
    Guid InviterId,
    string InviterName,
    Guid OpponentId,
    string OpponentName,
    Guid FirstPlayerId,
    Guid? CurrentPlayerId,
    Guid? WinnerId,
    Guid? IdlePlayerId,
    Guid? RematchOf,
    int MoveCount,
    DateTimeOffset InvitedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    ConnectFourView? ConnectFour,
    MemoryView? Memory)
{
    public static GameView Of(GameSession game, DisplayNames names)
    {
        var started = game.StartedAt is not null;
        var board = started ? game.Board() : null;
        return new GameView(
            game.Id, game.Kind, game.Status, game.InviterId, names.Resident(game.InviterId), game.OpponentId, names.Resident(game.OpponentId), game.FirstPlayerId,
            game.Status == GameStatus.InProgress && board is not null ? game.PlayerAt(board.CurrentPlayer) : null,
            game.WinnerId, game.IdlePlayerId, game.RematchOf, game.Moves.Count, game.InvitedAt, game.StartedAt, game.EndedAt,
            board is ConnectFourBoard grid ? ConnectFourOf(game, grid) : null,
            board is MemoryBoard memory ? MemoryOf(game, memory) : null);
    }

    /// <summary>Loads the display names of both players of every game given.</summary>
    public static Task<DisplayNames> LoadNamesAsync(IQuerySession session, IEnumerable<GameSession> games, CancellationToken cancellationToken) =>
        DisplayNames.LoadAsync(session, games.SelectMany(game => new[] { game.InviterId, game.OpponentId }), [], [], cancellationToken);

    private static ConnectFourView ConnectFourOf(GameSession game, ConnectFourBoard board)
    {
        var rows = new List<IReadOnlyList<Guid?>>();
        for (var row = ConnectFourBoard.Rows - 1; row >= 0; row--)
        {
            var cells = new List<Guid?>();
            for (var column = 0; column < ConnectFourBoard.Columns; column++)
            {
                var player = board.At(row, column);
                cells.Add(player < 0 ? null : game.PlayerAt(player));
            }

            rows.Add(cells);
        }

        return new ConnectFourView(ConnectFourBoard.Columns, ConnectFourBoard.Rows, rows);
    }

    private static MemoryView MemoryOf(GameSession game, MemoryBoard board)
    {
        var faceUp = new HashSet<int>();
        if (board.RevealedCard is { } revealed)
        {
            faceUp.Add(revealed);
        }

        if (board.LastMismatch is { } mismatch)
        {
            faceUp.Add(mismatch.First);
            faceUp.Add(mismatch.Second);
        }

        var cards = Enumerable.Range(0, MemoryBoard.CardCount)
            .Select(card => new MemoryCardView(card, board.IsFound(card) || faceUp.Contains(card) ? board.PictureOf(card) : null, board.IsFound(card)))
            .ToList();
        var scores = new[] { new MemoryScoreView(game.PlayerAt(0), board.Scores[0]), new MemoryScoreView(game.PlayerAt(1), board.Scores[1]) };
        int[]? lastMismatch = board.LastMismatch is { } missed ? [missed.First, missed.Second] : null;
        int[]? lastPair = board.LastPair is { } found ? [found.First, found.Second] : null;
        return new MemoryView(cards, scores, board.RevealedCard, lastMismatch, lastPair);
    }
}
