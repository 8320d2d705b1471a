using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// The Memory game screen, played by the demo residents Jeanne and Lucas.
public sealed partial class PortalTests
{
    private const int MemoryCards = 16;

    [Fact]
    public async Task Memory_game_between_two_residents()
    {
        var jeanne = await OpenTileAsync("jeanne", "Bonjour Jeanne", "Jeux");
        var inviteToMemory = jeanne.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Inviter à jouer au Memory") });
        await Assertions.Expect(inviteToMemory).ToContainTextAsync("Trouvez le plus de paires d'images.");
        await Accessibility.AssertAccessibleAsync(jeanne, "games list with game choice");
        await inviteToMemory.ClickAsync();
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Heading, new() { Name = "Memory", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(jeanne.Locator(".game-status")).ToHaveTextAsync("Vous attendez la réponse de Lucas D.");

        var lucas = await OpenTileAsync("lucas", "Bonjour Lucas", "Jeux");
        var invitation = lucas.Locator("li.card").Filter(new() { HasText = "Memory", Has = lucas.GetByRole(AriaRole.Button, new() { Name = "Accepter" }) });
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = "Memory", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lucas.Locator(".game-status")).ToHaveTextAsync("C'est au tour de Jeanne L.");
        await Assertions.Expect(jeanne.Locator(".game-status")).ToHaveTextAsync("C'est à vous de jouer.", new() { Timeout = 15_000 });
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Button, new() { Name = "Carte 1, face cachée" })).ToBeEnabledAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Button, new() { Name = "Carte 1, face cachée" })).ToBeDisabledAsync();
        await Accessibility.AssertAccessibleAsync(jeanne, "memory board");

        // A tablet that missed the turn change still gets the API's wrong-turn problem in words.
        await lucas.EvaluateAsync("() => { document.querySelector('.memory-card').disabled = false; }");
        await lucas.Locator(".memory-card").First.ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ce n'est pas votre tour.");

        // Each player remembers every picture seen on the screen, as a careful player would.
        var players = new[] { jeanne, lucas };
        var otherNames = new[] { "Lucas D.", "Jeanne L." };
        var pairs = new[] { 0, 0 };
        var pictures = new Dictionary<int, string>();
        var found = new HashSet<int>();
        var current = 0;
        var mismatchChecked = false;
        var pairChecked = false;
        while (found.Count < MemoryCards)
        {
            var (player, other) = (players[current], players[1 - current]);
            var knownPair = pictures.Where(card => !found.Contains(card.Key)).GroupBy(card => card.Value).FirstOrDefault(cards => cards.Count() == 2);
            var first = knownPair?.First().Key ?? UnknownCard(pictures, found, -1);
            pictures[first] = await TurnCardAsync(player, other, first);
            var partner = pictures.Where(card => card.Key != first && !found.Contains(card.Key) && card.Value == pictures[first]).Select(card => card.Key).ToList();
            var second = partner.Count > 0 ? partner[0] : UnknownCard(pictures, found, first);
            pictures[second] = await TurnCardAsync(player, other, second);

            if (pictures[first] == pictures[second])
            {
                found.Add(first);
                found.Add(second);
                pairs[current]++;
                if (!pairChecked && found.Count < MemoryCards)
                {
                    await Assertions.Expect(other.Locator(".memory-last-turn")).ToContainTextAsync("C'est une paire !");
                    await Assertions.Expect(player.GetByRole(AriaRole.Button, new() { Name = $"Carte {second + 1} : {pictures[second]}, paire trouvée" })).ToBeVisibleAsync();
                    pairChecked = true;
                }

                continue;
            }

            if (!mismatchChecked)
            {
                await Assertions.Expect(other.Locator(".memory-last-turn")).ToContainTextAsync("Ce n'est pas une paire.");
                await Assertions.Expect(player.Locator(".game-status")).ToHaveTextAsync($"C'est au tour de {otherNames[current]}");

                // After a reload, the other player's tablet shows the same two cards face up.
                await other.ReloadAsync();
                await Assertions.Expect(other.GetByRole(AriaRole.Button, new() { Name = $"Carte {first + 1} : {pictures[first]}" })).ToBeVisibleAsync();
                await Assertions.Expect(other.GetByRole(AriaRole.Button, new() { Name = $"Carte {second + 1} : {pictures[second]}" })).ToBeVisibleAsync();
                await Assertions.Expect(other.Locator(".game-status")).ToHaveTextAsync("C'est à vous de jouer.");
                mismatchChecked = true;
            }

            current = 1 - current;
        }

        Assert.Equal(MemoryCards / 2, pairs[0] + pairs[1]);
        var (jeanneResult, lucasResult) = pairs[0] == pairs[1]
            ? ("Match nul : vous avez trouvé autant de paires l'un que l'autre.", "Match nul : vous avez trouvé autant de paires l'un que l'autre.")
            : pairs[0] > pairs[1]
                ? ("Bravo, vous avez gagné !", "Jeanne L. a gagné.")
                : ("Lucas D. a gagné.", "Bravo, vous avez gagné !");
        await Assertions.Expect(jeanne.Locator(".game-status")).ToHaveTextAsync(jeanneResult, new() { Timeout = 15_000 });
        await Assertions.Expect(lucas.Locator(".game-status")).ToHaveTextAsync(lucasResult, new() { Timeout = 15_000 });
        await Assertions.Expect(jeanne.Locator(".memory-scores")).ToHaveTextAsync($"Vos paires : {pairs[0]}. Les paires de Lucas D. : {pairs[1]}.");
        await Assertions.Expect(lucas.Locator(".memory-card.found")).ToHaveCountAsync(MemoryCards, new() { Timeout = 15_000 });
        await Accessibility.AssertAccessibleAsync(lucas, "finished memory board");

        // Lucas requests a rematch of Memory, and Jeanne accepts it from the live link.
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Revanche" }).ClickAsync();
        await Assertions.Expect(lucas.Locator(".game-status")).ToHaveTextAsync("Vous attendez la réponse de Jeanne L.");
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = "Memory", Level = 1 })).ToBeVisibleAsync();
        var rematchLink = jeanne.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("propose une revanche") });
        await Assertions.Expect(rematchLink).ToBeVisibleAsync(WithinLiveUpdate);
        await rematchLink.ClickAsync();
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Accepter la partie" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".game-status")).ToHaveTextAsync("C'est au tour de Lucas D.");
        await Assertions.Expect(jeanne.Locator(".memory-card.face-down")).ToHaveCountAsync(MemoryCards);
        await Assertions.Expect(lucas.Locator(".game-status")).ToHaveTextAsync("C'est à vous de jouer.", new() { Timeout = 15_000 });
    }

    private static int UnknownCard(Dictionary<int, string> pictures, HashSet<int> found, int except) =>
        Enumerable.Range(0, MemoryCards).First(card => card != except && !found.Contains(card) && !pictures.ContainsKey(card));

    // Turns a card on the player's tablet and returns its picture once the other tablet shows it too.
    private static async Task<string> TurnCardAsync(IPage player, IPage other, int card)
    {
        var word = player.Locator($".memory-card[data-card='{card}'] .card-word");
        await player.Locator($".memory-card[data-card='{card}']").ClickAsync();
        await Assertions.Expect(word).ToBeVisibleAsync();
        var picture = await word.InnerTextAsync();
        await Assertions.Expect(other.Locator($".memory-card[data-card='{card}'] .card-word")).ToHaveTextAsync(picture, new() { Timeout = 15_000 });
        return picture;
    }
}
