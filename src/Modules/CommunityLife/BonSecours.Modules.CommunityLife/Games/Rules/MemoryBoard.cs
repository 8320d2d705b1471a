using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.Games.Rules;

/// <summary>
/// « Memory »: 16 face-down cards, 8 pairs of pictures laid out by a deterministic shuffle of
/// the game's seed. A turn reveals two cards. A pair stays face up, scores a point and lets
/// the player go on; two different pictures turn back and the other player takes over. Once
/// every pair is found, the higher score wins and equal scores draw.
/// </summary>
internal sealed class MemoryBoard : GameBoard
{
    public static readonly IReadOnlyList<string> Pictures = ["soleil", "chat", "fleur", "maison", "pomme", "bateau", "arbre", "oiseau"];

    public static int CardCount => Pictures.Count * 2;

    private readonly string[] _layout;
    private readonly bool[] _found;
    private readonly int[] _scores = new int[2];

    public MemoryBoard(int seed)
    {
        _layout = Shuffle(seed);
        _found = new bool[_layout.Length];
    }

    /// <summary>The first card of the current turn, face up until the second card is revealed.</summary>
    public int? RevealedCard { get; private set; }

    /// <summary>The two cards of the last turn that did not match, shown before they turn back.</summary>
    public (int First, int Second)? LastMismatch { get; private set; }

    /// <summary>The two cards of the last turn when they matched, so both players see which pair was just found.</summary>
    public (int First, int Second)? LastPair { get; private set; }

    public IReadOnlyList<int> Scores => _scores;

    public string PictureOf(int card) => _layout[card];

    public bool IsFound(int card) => _found[card];

    public override MoveOutcome Play(int position)
    {
        if (position < 0 || position >= _layout.Length)
        {
            throw new DomainRuleException("game.card-out-of-range", new LocalizedText(
                $"La carte {position} n'existe pas. Choisissez une carte de 0 à {_layout.Length - 1}.",
                $"Card {position} does not exist. Choose a card from 0 to {_layout.Length - 1}."));
        }

        if (_found[position] || RevealedCard == position)
        {
            throw new DomainRuleException("game.card-already-revealed", new LocalizedText(
                "Cette carte est déjà retournée. Choisissez une autre carte.",
                "This card is already face up. Choose another card."));
        }

        if (RevealedCard is not { } first)
        {
            RevealedCard = position;
            LastMismatch = null;
            LastPair = null;
            return MoveOutcome.Continue;
        }

        RevealedCard = null;
        if (_layout[first] != _layout[position])
        {
            LastMismatch = (first, position);
            CurrentPlayer = 1 - CurrentPlayer;
            return MoveOutcome.Continue;
        }

        _found[first] = true;
        _found[position] = true;
        LastPair = (first, position);
        _scores[CurrentPlayer]++;
        if (!_found.All(found => found))
        {
            return MoveOutcome.Continue;
        }

        return _scores[0] == _scores[1] ? MoveOutcome.Drawn : MoveOutcome.WonBy(_scores[0] > _scores[1] ? 0 : 1);
    }

    /// <summary>
    /// Lays out the pairs with a Fisher–Yates shuffle driven by SplitMix64, written here rather
    /// than <see cref="Random"/> so that a stored seed gives the same layout on every .NET version.
    /// </summary>
    internal static string[] Shuffle(int seed)
    {
        var cards = Pictures.Concat(Pictures).ToArray();
        var state = (ulong)(uint)seed;
        for (var i = cards.Length - 1; i > 0; i--)
        {
            var j = (int)(NextRandom(ref state) % (ulong)(i + 1));
            (cards[i], cards[j]) = (cards[j], cards[i]);
        }

        return cards;
    }

    private static ulong NextRandom(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
