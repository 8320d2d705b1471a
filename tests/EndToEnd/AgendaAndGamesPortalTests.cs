using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task Resident_hears_cancelled_occurrence_live()
    {
        var page = await OpenTileAsync("jeanne", "Bonjour Jeanne", "Agenda partagé");
        var jeanneApi = await server.ApiClientForAsync("jeanne");
        var jeanneId = (await jeanneApi.GetFromJsonAsync<JsonElement>("api/v1/residents/me")).GetProperty("id").GetString();
        var coordinator = await server.ApiClientForAsync("animatrice");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var published = await coordinator.PostAsJsonAsync("api/v1/activities", new
        {
            title = "Chorale",
            easyReadDescription = "On chante ensemble.",
            place = "Salle commune",
            start = $"{day}T16:00",
            end = $"{day}T17:00",
            capacity = 10,
            audience = "everyone",
        });
        published.EnsureSuccessStatusCode();
        var activityId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var registered = await coordinator.PostAsJsonAsync($"api/v1/activities/{activityId}/occurrences/{day}T16:00/registrations", new { residentId = jeanneId });
        registered.EnsureSuccessStatusCode();

        await page.ReloadAsync();
        var choir = page.Locator(".occurrence").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Chorale" }) });
        await Assertions.Expect(choir).ToContainTextAsync("Vous êtes inscrit.");
        using var cancelled = await coordinator.PostAsync($"api/v1/activities/{activityId}/occurrences/{day}T16:00/cancel", null);
        cancelled.EnsureSuccessStatusCode();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "« Chorale »" })).ToContainTextAsync("n'a pas lieu. Votre inscription est annulée.", new() { Timeout = 15_000 });
        await Assertions.Expect(choir).ToHaveCountAsync(0);
        await Accessibility.AssertAccessibleAsync(page, "agenda with notice");
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
    public async Task Coordinator_posts_announcement_with_picture()
    {
        var page = await OpenTileAsync("animatrice", "Bonjour", "Agenda partagé");
        await page.GetByRole(AriaRole.Link, new() { Name = "Publier une annonce" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Publier une annonce", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "announcement form");

        // A picture without a description is stopped before anything is published.
        await page.GetByLabel("Titre").FillAsync("Repas de Noël");
        await page.GetByLabel("Texte").FillAsync("Le repas de Noël a lieu le 20 décembre. Venez nombreux.");
        await page.GetByLabel("Image (JPEG ou PNG").SetInputFilesAsync(new FilePayload
        {
            Name = "sapin.png",
            MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGOQqzgBRwzEcQAuchXhm9p23gAAAABJRU5ErkJggg=="),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier l'annonce" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Décrivez l'image");

        await page.GetByLabel("Description de l'image").FillAsync("Un sapin décoré dans le hall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier l'annonce" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda partagé", Level = 1 })).ToBeVisibleAsync();

        var resident = await OpenTileAsync("jeanne", "Bonjour Jeanne", "Agenda partagé");
        var christmas = resident.Locator(".announcement").Filter(new() { Has = resident.GetByRole(AriaRole.Heading, new() { Name = "Repas de Noël" }) });
        await Assertions.Expect(christmas.GetByRole(AriaRole.Img, new() { Name = "Un sapin décoré dans le hall" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(resident, "agenda with picture");
    }

    [Fact]
    public async Task Coordinator_records_attendance_and_cancels()
    {
        var coordinator = await server.ApiClientForAsync("animatrice");
        var jeanneApi = await server.ApiClientForAsync("jeanne");
        var jeanneId = (await jeanneApi.GetFromJsonAsync<JsonElement>("api/v1/residents/me")).GetProperty("id").GetString();
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime;
        var firstDay = DateOnly.FromDateTime(now).AddDays(1);
        string Local(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var firstStart = $"{firstDay:yyyy-MM-dd}T10:00";
        var secondStart = $"{firstDay.AddDays(7):yyyy-MM-dd}T10:00";
        using var published = await coordinator.PostAsJsonAsync("api/v1/activities", new
        {
            title = "Atelier mémoire",
            easyReadDescription = "On fait des jeux pour la mémoire.",
            place = "Bibliothèque",
            start = firstStart,
            end = $"{firstDay:yyyy-MM-dd}T11:00",
            capacity = 8,
            audience = "everyone",
            recurrence = new { frequency = "weekly", days = new[] { firstDay.DayOfWeek.ToString().ToLowerInvariant() } },
        });
        published.EnsureSuccessStatusCode();
        var activityId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await coordinator.PostAsJsonAsync($"api/v1/activities/{activityId}/occurrences/{firstStart}/registrations", new { residentId = jeanneId })).EnsureSuccessStatusCode();

        // Attendance is recorded once the occurrence has begun, so the first one moves to an hour ago.
        (await coordinator.PostAsJsonAsync($"api/v1/activities/{activityId}/occurrences/{firstStart}/move",
            new { start = Local(now.AddHours(-1)), end = Local(now.AddMinutes(30)) })).EnsureSuccessStatusCode();
        var page = await OpenTileAsync("animatrice", "Bonjour", "Agenda partagé");
        await page.EvaluateAsync($"location.hash = '#/activite/{activityId}/{firstStart}'");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Qui est venu ?" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "attendance form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présents" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cochez au moins une personne");
        await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présents" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 personne est venue.")).ToBeVisibleAsync();
        var roster = await coordinator.GetFromJsonAsync<JsonElement>($"api/v1/activities/{activityId}/occurrences/{firstStart}/registrations");
        Assert.Equal(jeanneId, roster.GetProperty("attended")[0].GetString());

        // The next week's occurrence is cancelled after a second question.
        await page.EvaluateAsync($"location.hash = '#/activite/{activityId}/{secondStart}'");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler cette séance" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Voulez-vous vraiment annuler cette séance ?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, annuler la séance" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda partagé", Level = 1 })).ToBeVisibleAsync();
        var activity = await coordinator.GetFromJsonAsync<JsonElement>($"api/v1/activities/{activityId}");
        Assert.Equal($"{secondStart}:00", activity.GetProperty("cancelledOccurrences")[0].GetString());
    }

    [Fact]
    public async Task Resident_proposal_accepted_and_declined()
    {
        var resident = await OpenTileAsync("jeanne", "Bonjour Jeanne", "Agenda partagé");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Proposer une activité" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(resident, "proposal form");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma proposition" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Alert)).ToContainTextAsync("Écrivez le nom de l'activité");
        foreach (var (title, description) in new[] { ("Club de tricot", "On tricote des écharpes ensemble."), ("Sortie au zoo", "On va voir les animaux.") })
        {
            await resident.GetByLabel("Le nom de l'activité").FillAsync(title);
            await resident.GetByLabel("Ce qu'on y fait").FillAsync(description);
            await resident.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma proposition" }).ClickAsync();
            await Assertions.Expect(resident.GetByRole(AriaRole.List, new() { Name = "Mes propositions" })).ToContainTextAsync(title);
        }

        var coordinator = await OpenTileAsync("animatrice", "Bonjour", "Agenda partagé");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Les propositions des résidents" }).ClickAsync();
        var knitting = coordinator.GetByRole(AriaRole.Listitem).Filter(new() { Has = coordinator.GetByRole(AriaRole.Heading, new() { Name = "Club de tricot" }) });
        await knitting.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(coordinator, "proposal answer");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await knitting.GetByLabel("Lieu").FillAsync("Salon du 1er étage");
        await knitting.GetByLabel("Jour").FillAsync(day);
        await knitting.GetByLabel("Heure de début").FillAsync("15:00");
        await knitting.GetByLabel("Heure de fin").FillAsync("16:30");
        await knitting.GetByRole(AriaRole.Button, new() { Name = "Publier l'activité" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Club de tricot" })).ToHaveCountAsync(0);

        var zoo = coordinator.GetByRole(AriaRole.Listitem).Filter(new() { Has = coordinator.GetByRole(AriaRole.Heading, new() { Name = "Sortie au zoo" }) });
        await zoo.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await zoo.GetByLabel("La raison, en mots simples").FillAsync("Le car n'est pas libre ce mois-ci.");
        await zoo.GetByRole(AriaRole.Button, new() { Name = "Envoyer le refus" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Sortie au zoo" })).ToHaveCountAsync(0);

        await resident.ReloadAsync();
        var mine = resident.GetByRole(AriaRole.List, new() { Name = "Mes propositions" });
        await Assertions.Expect(mine.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Club de tricot" })).ToContainTextAsync("Acceptée.");
        await Assertions.Expect(mine.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Sortie au zoo" })).ToContainTextAsync("La raison : Le car n'est pas libre ce mois-ci.");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Retour à l'agenda" }).ClickAsync();
        await Assertions.Expect(resident.Locator(".occurrence").Filter(new() { Has = resident.GetByRole(AriaRole.Heading, new() { Name = "Club de tricot" }) })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Coordinator_adds_town_event()
    {
        var page = await OpenTileAsync("animatrice", "Bonjour", "Agenda partagé");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un événement en ville" }).ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "town event form");

        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Nom de l'événement").FillAsync("Marché de Noël");
        await page.GetByLabel("Lieu").FillAsync("Grand-Place d'Arras");
        await page.GetByLabel("Jour").FillAsync(day);
        await page.GetByLabel("Adresse du site web").FillAsync("ftp://marche");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'événement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le lien doit être une adresse web complète");

        await page.GetByLabel("Adresse du site web").FillAsync("https://marche-de-noel.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'événement" }).ClickAsync();
        var town = page.GetByRole(AriaRole.List, new() { Name = "Événements en ville" });
        await Assertions.Expect(town).ToContainTextAsync("Marché de Noël");
        await Assertions.Expect(town.GetByRole(AriaRole.Link, new() { Name = "En savoir plus sur « Marché de Noël » (site web)" }))
            .ToHaveAttributeAsync("href", "https://marche-de-noel.example");
        await Accessibility.AssertAccessibleAsync(page, "agenda with town event");
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
        await Assertions.Expect(jeanne.Locator(".game-legend")).ToHaveTextAsync("Vos jetons : ● rouge. Ceux de Lucas D. : ○ jaune.");
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
        var lucasEntry = jeanne.GetByRole(AriaRole.List, new() { Name = "Les personnes à appeler" }).Locator("li.card").Filter(new() { HasText = "Lucas D." });
        await Assertions.Expect(lucasEntry).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(jeanne, "video calls");

        await lucasEntry.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Appeler") }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".call-state")).ToHaveTextAsync("Ça sonne. On attend que la personne décroche.");
        await Assertions.Expect(lucas.Locator(".call-state")).ToHaveTextAsync("Jeanne L. vous appelle.", new() { Timeout = 15_000 });
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
