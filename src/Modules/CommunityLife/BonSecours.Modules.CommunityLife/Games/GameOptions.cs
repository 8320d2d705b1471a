namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>Settings of the games, from the <c>Games</c> configuration section.</summary>
internal sealed class GameOptions
{
    public const string Section = "Games";

    /// <summary>Minutes without a move after which a game in progress is abandoned; fractions are allowed (tests use a few seconds).</summary>
    public double AbandonAfterMinutes { get; set; } = 30;
}
