using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// The shared agenda, Connect Four and video call screens, with the demo data of the Development Host.
public sealed partial class PortalTests
{
    // Live updates go through the games stream; this timeout leaves room for a slow shared machine.
    private static readonly LocatorAssertionsToBeVisibleOptions WithinLiveUpdate = new() { Timeout = 15_000 };

    [Fact]
    public async Task Resident_registers_for_demo_activity()
    {
        var page = await OpenTileAsync("jeanne", "Bonjour Jeanne", "Agenda partagé");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda partagé", Level = 1 })).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".announcement").First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "agenda");

        // The demo loto has 12 places and nobody registered.
        var loto = page.Locator(".occurrence").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Loto" }) });
        await Assertions.Expect(loto).ToContainTextAsync("Il reste 12 places.");
        await loto.GetByRole(AriaRole.Button, new() { Name = "Je m'inscris" }).ClickAsync();

        await Assertions.Expect(loto).ToContainTextAsync("Vous êtes inscrit.");
        await Assertions.Expect(loto).ToContainTextAsync("Il reste 11 places.");
        await Assertions.Expect(loto.GetByRole(AriaRole.Button, new() { Name = "Je me désinscris" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#annonce")).ToContainTextAsync("Vous êtes inscrit à : Loto.");

        // The detail screen shows the same registration.
        await loto.GetByRole(AriaRole.Link, new() { Name = "Voir le détail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Loto, "), Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".occurrence")).ToContainTextAsync("Vous êtes inscrit.");
        await Accessibility.AssertAccessibleAsync(page, "activity detail");
    }

    [Fact]
    public async Task Coordinator_publishes_activity_and_reads_roster()
    {
        var page = await OpenTileAsync("animatrice", "Bonjour", "Agenda partagé");
        await page.GetByRole(AriaRole.Link, new() { Name = "Publier une activité" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Publier une activité", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "coordinator form");

        // An empty form is rejected in words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Remplissez le titre");

        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(3);
        await page.GetByLabel("Titre").FillAsync("Atelier cuisine");
        await page.GetByLabel("Description facile à lire").FillAsync("On cuisine ensemble une soupe. On la mange après.");
        await page.GetByLabel("Lieu").FillAsync("Cuisine partagée");
        await page.GetByLabel("Jour", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Heure de début").FillAsync("10:00");
        await page.GetByLabel("Heure de fin").FillAsync("11:30");
        await page.GetByLabel("Nombre de places").FillAsync("6");
        await page.GetByLabel("Chaque semaine, le même jour").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda partagé", Level = 1 })).ToBeVisibleAsync();
        var workshops = page.Locator(".occurrence").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Atelier cuisine" }) });
        await Assertions.Expect(workshops.First).ToContainTextAsync("De 10 h à 11 h 30");
        Assert.True(await workshops.CountAsync() >= 4, "A weekly activity shows every week of the coming month.");

        await workshops.First.GetByRole(AriaRole.Link, new() { Name = "Voir le détail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Les inscrits" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("0 inscrits sur 6 places.")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "activity detail with roster");
    }

    [Fact]
    public async Task Connect_four_game_between_two_residents()
    {
        var jeanne = await OpenTileAsync("jeanne", "Bonjour Jeanne", "Jeux");
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Heading, new() { Name = "Jeux", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Button, new() { Name = "Inviter à jouer au Puissance 4" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(jeanne, "games list");

        var lucas = await OpenTileAsync("lucas", "Bonjour Lucas", "Jeux");
        await Assertions.Expect(lucas.GetByText("Pas d'invitation en attente.")).ToBeVisibleAsync();

        // Lucas is Jeanne's partner of the demo game, so he is her first choice.
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Inviter à jouer au Puissance 4" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".game-status")).ToHaveTextAsync("Vous attendez la réponse de Lucas D.");

        // The invitation reaches Lucas's list live.
        var accept = lucas.GetByRole(AriaRole.Button, new() { Name = "Accepter" });
        await Assertions.Expect(accept).ToBeVisibleAsync(WithinLiveUpdate);
        await Accessibility.AssertAccessibleAsync(lucas, "games list with invitation");
        await accept.ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = "Puissance 4", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lucas.Locator(".game-status")).ToHaveTextAsync("C'est au tour de Jeanne L.");
        await Assertions.Expect(jeanne.Locator(".game-status")).ToHaveTextAsync("C'est à vous de jouer.", new() { Timeout = 15_000 });
        await Assertions.Expect(jeanne.Locator(".game-legend")).ToHaveTextAsync("Vos jetons : ● rouge. Ceux de votre partenaire : ○ jaune.");
        await Accessibility.AssertAccessibleAsync(jeanne, "game board");

        // Jeanne drops four discs in column 1, Lucas three in column 2.
        for (var move = 0; move < 7; move++)
        {
            var (player, column) = move % 2 == 0 ? (jeanne, 1) : (lucas, 2);
            var other = player == jeanne ? lucas : jeanne;
            await player.GetByRole(AriaRole.Button, new() { Name = $"Colonne {column}", Exact = true }).ClickAsync();
            await Assertions.Expect(player.Locator(".board-cell:not(.empty)")).ToHaveCountAsync(move + 1);
            await Assertions.Expect(other.Locator(".board-cell:not(.empty)")).ToHaveCountAsync(move + 1, new() { Timeout = 15_000 });
        }

        var jeanneColumn = lucas.GetByRole(AriaRole.Button, new() { Name = "Colonne 1", Exact = true });
        await Assertions.Expect(jeanneColumn.Locator(".disc-first")).ToHaveCountAsync(4);
        await Assertions.Expect(jeanneColumn.Locator(".disc-first").First).ToHaveTextAsync("●");
        await Assertions.Expect(lucas.GetByRole(AriaRole.Button, new() { Name = "Colonne 2", Exact = true }).Locator(".disc-second")).ToHaveCountAsync(3);

        await Assertions.Expect(jeanne.Locator(".game-status")).ToHaveTextAsync("Bravo, vous avez gagné !");
        await Assertions.Expect(lucas.Locator(".game-status")).ToHaveTextAsync("Jeanne L. a gagné.", new() { Timeout = 15_000 });
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Button, new() { Name = "Colonne 3", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Button, new() { Name = "Revanche" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(lucas, "finished game board");

        // Lucas asks for a rematch, and Jeanne is told live.
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Revanche" }).ClickAsync();
        await Assertions.Expect(lucas.Locator(".game-status")).ToHaveTextAsync("Vous attendez la réponse de Jeanne L.");
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("propose une revanche") })).ToBeVisibleAsync(WithinLiveUpdate);
    }

    [Fact]
    public async Task Video_call_rings_and_ends_on_both_screens()
    {
        var lucas = await OpenTileAsync("lucas", "Bonjour Lucas", "Appels vidéo");
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = "Appels vidéo", Level = 1 })).ToBeVisibleAsync();
        var jeanne = await OpenTileAsync("jeanne", "Bonjour Jeanne", "Appels vidéo");
        var lucasEntry = jeanne.Locator("li.card").Filter(new() { HasText = "Lucas D." });
        await Assertions.Expect(lucasEntry).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(jeanne, "video calls");

        await lucasEntry.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appeler") }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("Ça sonne. On attend que la personne décroche.");
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("Quelqu'un vous appelle.", new() { Timeout = 15_000 });
        await Accessibility.AssertAccessibleAsync(lucas, "incoming video call");

        await lucas.GetByRole(AriaRole.Button, new() { Name = "Décrocher" }).ClickAsync();
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("Vous êtes en communication.");
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("Vous êtes en communication.", new() { Timeout = 15_000 });

        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Raccrocher" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.");
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("L'appel est terminé.", new() { Timeout = 15_000 });
    }

    private async Task<IPage> OpenTileAsync(string username, string greeting, string tile)
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, username, "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = greeting, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = tile }).ClickAsync();
        return page;
    }
}
