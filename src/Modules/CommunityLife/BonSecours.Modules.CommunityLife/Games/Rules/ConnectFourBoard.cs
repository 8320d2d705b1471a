using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.Games.Rules;

/// <summary>
/// « Puissance 4 »: 7 columns of 6 rows. A disc drops to the lowest free row of its column;
/// four discs of one player in a row, a column or a diagonal win; a full board is a draw.
/// </summary>
internal sealed class ConnectFourBoard : GameBoard
{
    public const int Columns = 7;
    public const int Rows = 6;

    private static readonly (int Row, int Column)[] Directions = [(0, 1), (1, 0), (1, 1), (1, -1)];

    // Row 0 is the bottom row. A cell holds -1 when empty, else the index of the player.
    private readonly int[,] _cells = new int[Rows, Columns];
    private int _discs;

    public ConnectFourBoard()
    {
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                _cells[row, column] = -1;
            }
        }
    }

    /// <summary>The player index in a cell (row 0 at the bottom), or -1 when it is empty.</summary>
    public int At(int row, int column) => _cells[row, column];

    public override MoveOutcome Play(int position)
    {
        if (position is < 0 or >= Columns)
        {
            throw new DomainRuleException("game.column-out-of-range", new LocalizedText(
                $"La colonne {position} n'existe pas. Choisissez une colonne de 0 à {Columns - 1}.",
                $"Column {position} does not exist. Choose a column from 0 to {Columns - 1}."));
        }

        var row = Enumerable.Range(0, Rows).FirstOrDefault(candidate => _cells[candidate, position] < 0, -1);
        if (row < 0)
        {
            throw new DomainRuleException("game.column-full", new LocalizedText(
                "Cette colonne est pleine. Choisissez une autre colonne.",
                "This column is full. Choose another column."));
        }

        var player = CurrentPlayer;
        _cells[row, position] = player;
        _discs++;
        if (Directions.Any(direction => LineLength(row, position, direction) >= 4))
        {
            return MoveOutcome.WonBy(player);
        }

        if (_discs == Rows * Columns)
        {
            return MoveOutcome.Drawn;
        }

        CurrentPlayer = 1 - player;
        return MoveOutcome.Continue;
    }

    /// <summary>Counts the discs of the player at (row, column) on the line through it, both ways.</summary>
    private int LineLength(int row, int column, (int Row, int Column) direction)
    {
        var player = _cells[row, column];
        return 1 + CountFrom(row, column, direction.Row, direction.Column, player) + CountFrom(row, column, -direction.Row, -direction.Column, player);
    }

    private int CountFrom(int row, int column, int rowStep, int columnStep, int player)
    {
        var count = 0;
        for (int r = row + rowStep, c = column + columnStep; r is >= 0 and < Rows && c is >= 0 and < Columns && _cells[r, c] == player; r += rowStep, c += columnStep)
        {
            count++;
        }

        return count;
    }
}
