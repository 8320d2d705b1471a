using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// The messaging screens, with two people signed in on two browser contexts at once.
public sealed partial class PortalTests
{
    private const string DemoGroup = "Les voisins du 1er étage";

    // Live delivery goes through the stream, and this timeout leaves room for a slow shared machine.
    private static readonly LocatorAssertionsToBeVisibleOptions WithinLiveDelivery = new() { Timeout = 15_000 };

    [Fact]
    public async Task Group_message_arrives_live_and_unread()
    {
        const string text = "Bonjour Lucas, ça va ? Le goûter est à 16 h 🎉\nÀ jeudi, n'oublie pas les jus de fruits !";
        var lucas = await OpenMessagingAsync("lucas", "Bonjour Lucas");
        await lucas.EvaluateAsync("() => { window.__notReloaded = true; }");
        var lucasGroup = lucas.GetByRole(AriaRole.Link).Filter(new() { HasText = DemoGroup });
        await Assertions.Expect(lucasGroup).ToBeVisibleAsync();
        await Assertions.Expect(lucasGroup.Locator(".unread")).ToHaveCountAsync(0);

        var jeanne = await OpenMessagingAsync("jeanne", "Bonjour Jeanne");
        await jeanne.GetByRole(AriaRole.Link).Filter(new() { HasText = DemoGroup }).ClickAsync();
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Heading, new() { Name = DemoGroup, Level = 1 })).ToBeFocusedAsync();
        await Assertions.Expect(jeanne.Locator(".message-text").Filter(new() { HasText = "tarte aux pommes" })).ToBeVisibleAsync();
        await jeanne.GetByLabel("Écrivez votre message").FillAsync(text);
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".message.mine .message-text").Last).ToHaveTextAsync(text);
        await Assertions.Expect(jeanne.GetByLabel("Écrivez votre message")).ToHaveValueAsync(string.Empty);

        // Lucas's list updates from the stream: a badge with the number and the words.
        await Assertions.Expect(lucasGroup.Locator(".unread")).ToHaveTextAsync("11 nouveau message", new() { Timeout = 15_000 });
        await Assertions.Expect(lucasGroup.Locator(".unread-count")).ToHaveTextAsync("1");
        await Assertions.Expect(lucasGroup).ToContainTextAsync("1 nouveau message");
        await Accessibility.AssertAccessibleAsync(lucas, "conversation list");

        await lucasGroup.ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = DemoGroup, Level = 1 })).ToBeVisibleAsync();
        var received = lucas.Locator(".message:not(.mine) .message-text").Last;
        await Assertions.Expect(received).ToHaveTextAsync(text);
        Assert.Equal(text, await received.EvaluateAsync<string>("element => element.textContent"));
        Assert.Equal("pre-wrap", await received.EvaluateAsync<string>("element => getComputedStyle(element).whiteSpace"));
        Assert.True(await received.EvaluateAsync<int>("element => element.getBoundingClientRect().height") > 40, "The line break in the message was not kept on screen.");
        await Assertions.Expect(lucas.Locator(".message:not(.mine)").Last.Locator("time")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(lucas, "conversation");

        // Opening the conversation marked it read, for every device of Lucas.
        using var lucasApi = await server.ApiClientForAsync("lucas");
        Assert.Equal(0, await UnreadCountAsync(lucasApi, DemoGroup));

        // A second message reaches the open conversation without a reload.
        const string second = "Et si vous venez avec Max 🐶, c'est encore mieux.";
        await jeanne.GetByLabel("Écrivez votre message").FillAsync(second);
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(lucas.Locator(".message-text").Filter(new() { HasText = "Max" })).ToBeVisibleAsync(WithinLiveDelivery);
        await Assertions.Expect(lucas.Locator(".message:not(.mine) .message-text").Last).ToHaveTextAsync(second);

        await lucas.GetByRole(AriaRole.Link, new() { Name = "Retour à la messagerie" }).ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Link).Filter(new() { HasText = DemoGroup })).ToBeVisibleAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Link).Filter(new() { HasText = DemoGroup }).Locator(".unread")).ToHaveCountAsync(0);
        Assert.True(await lucas.EvaluateAsync<bool>("() => window.__notReloaded === true"), "Lucas's page was reloaded.");
        Assert.Equal(0, await UnreadCountAsync(lucasApi, DemoGroup));
    }

    [Fact]
    public async Task Voice_message_reaches_coordinator_live()
    {
        var coordinator = await OpenMessagingAsync("animatrice", "Bonjour Camille");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Mes conversations" })).ToBeVisibleAsync();

        var jeanne = await server.OpenPortalAsync();
        await SignInAsync(jeanne, "jeanne", "demo");
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Écrire à l'animatrice" }).ClickAsync();
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Heading, new() { Name = "L'animatrice", Level = 1 })).ToBeVisibleAsync();
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Enregistrer un message vocal" }).ClickAsync();
        var stop = jeanne.GetByRole(AriaRole.Button, new() { Name = "Arrêter et envoyer" });
        await Assertions.Expect(stop).ToBeFocusedAsync();
        await Assertions.Expect(jeanne.Locator(".recording-state")).ToContainTextAsync("Enregistrement en cours");
        await Accessibility.AssertAccessibleAsync(jeanne, "conversation while recording");
        await jeanne.WaitForTimeoutAsync(2000);
        await stop.ClickAsync();
        await Assertions.Expect(jeanne.Locator(".recording-state")).ToHaveTextAsync("Votre message vocal est envoyé.");
        await Assertions.Expect(jeanne.Locator(".message.mine audio")).ToHaveCountAsync(1);

        // The coordinator's list gets Jeanne's new conversation live, named after her.
        var fromJeanne = coordinator.GetByRole(AriaRole.Link).Filter(new() { HasText = "Message de Jeanne L." });
        await Assertions.Expect(fromJeanne).ToBeVisibleAsync(WithinLiveDelivery);
        await Assertions.Expect(fromJeanne).ToContainTextAsync("Message vocal");
        await Assertions.Expect(fromJeanne).ToContainTextAsync("1 nouveau message");
        await fromJeanne.ClickAsync();

        var audio = coordinator.Locator(".message:not(.mine) audio");
        await Assertions.Expect(audio).ToHaveAttributeAsync("controls", string.Empty);
        await Assertions.Expect(coordinator.Locator(".message-sender").Last).ToHaveTextAsync("Jeanne L.");
        await Assertions.Expect(audio).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await coordinator.WaitForFunctionAsync("() => document.querySelector('.message:not(.mine) audio').readyState >= 1", null, new() { Timeout = 15_000 });
        // The recording lasts 2 seconds plus the time the accessibility check took during it.
        var label = await coordinator.Locator(".voice-status").Last.TextContentAsync() ?? string.Empty;
        var duration = System.Text.RegularExpressions.Regex.Match(label, @"^Message vocal de (\d+) secondes$");
        Assert.True(duration.Success, $"Unexpected voice message label: {label}");
        Assert.InRange(int.Parse(duration.Groups[1].Value), 2, 30);
        await Accessibility.AssertNoAxeViolationsAsync(coordinator, "conversation with a voice message");
    }

    [Fact]
    public async Task Report_confirms_in_easy_read()
    {
        var lucas = await OpenMessagingAsync("lucas", "Bonjour Lucas");
        await lucas.GetByRole(AriaRole.Link).Filter(new() { HasText = DemoGroup }).ClickAsync();
        var fromJeanne = lucas.Locator(".message").Filter(new() { HasText = "tarte aux pommes" });
        await fromJeanne.GetByRole(AriaRole.Button, new() { Name = "Signaler" }).ClickAsync();

        await Assertions.Expect(fromJeanne.GetByText("Ce message vous gêne ?")).ToBeVisibleAsync();
        await Assertions.Expect(fromJeanne.GetByLabel("Dites en quelques mots ce qui ne va pas")).ToBeFocusedAsync();
        await Accessibility.AssertAccessibleAsync(lucas, "report confirmation");
        await fromJeanne.GetByRole(AriaRole.Button, new() { Name = "Oui, signaler" }).ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dites en quelques mots ce qui ne va pas.");

        await fromJeanne.GetByLabel("Dites en quelques mots ce qui ne va pas").FillAsync("Je n'aime pas les tartes.");
        await fromJeanne.GetByRole(AriaRole.Button, new() { Name = "Oui, signaler" }).ClickAsync();
        await Assertions.Expect(fromJeanne).ToContainTextAsync("Merci. L'animatrice a reçu votre signalement.");
        await Assertions.Expect(lucas.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();

        using var coordinator = await server.ApiClientForAsync("animatrice");
        var reports = await coordinator.GetFromJsonAsync<JsonElement>("api/v1/message-reports");
        Assert.Contains(reports.GetProperty("items").EnumerateArray(), report => report.GetProperty("reason").GetString() == "Je n'aime pas les tartes.");
    }

    [Fact]
    public async Task One_to_one_pages_then_blocks()
    {
        using var jeanneApi = await server.ApiClientForAsync("jeanne");
        using var lucasApi = await server.ApiClientForAsync("lucas");
        var lucasId = (await lucasApi.GetFromJsonAsync<JsonElement>("api/v1/residents/me")).GetProperty("id").GetString();
        var started = await jeanneApi.PostAsJsonAsync("api/v1/conversations", new { participant = new { kind = "resident", id = lucasId } });
        Assert.True(started.IsSuccessStatusCode, $"Starting the conversation returned {started.StatusCode}.");
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        for (var number = 1; number <= 35; number++)
        {
            var posted = await jeanneApi.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text = $"Message n° {number}" });
            Assert.True(posted.IsSuccessStatusCode, $"Posting message {number} returned {posted.StatusCode}.");
        }

        var lucas = await OpenMessagingAsync("lucas", "Bonjour Lucas");
        var conversationLink = lucas.Locator($"a[href='#/conversation/{conversationId}']");
        await Assertions.Expect(conversationLink).ToContainTextAsync("35 nouveaux messages");
        await conversationLink.ClickAsync();
        await Assertions.Expect(lucas.GetByText("Message n° 35", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(lucas.GetByText("Message n° 1", new() { Exact = true })).ToHaveCountAsync(0);
        var older = lucas.GetByRole(AriaRole.Button, new() { Name = "Voir les messages plus anciens" });
        await older.ClickAsync();
        await Assertions.Expect(lucas.GetByText("Message n° 1", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(lucas.Locator(".message-text")).ToHaveCountAsync(35);
        await Assertions.Expect(older).ToBeHiddenAsync();

        await lucas.GetByRole(AriaRole.Button, new() { Name = "Bloquer cette personne" }).ClickAsync();
        await Assertions.Expect(lucas.GetByText("Elle ne pourra plus vous écrire.")).ToBeVisibleAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Button, new() { Name = "Oui, bloquer" })).ToBeFocusedAsync();
        await Accessibility.AssertAccessibleAsync(lucas, "block confirmation");
        await lucas.GetByRole(AriaRole.Button, new() { Name = "Oui, bloquer" }).ClickAsync();
        await Assertions.Expect(lucas.Locator(".safety")).ToContainTextAsync("C'est fait. Cette personne ne peut plus vous écrire.");

        var afterBlock = await jeanneApi.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text = "Tu es là ?" });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, afterBlock.StatusCode);

        // Lucas lifts the block from his messaging screen, which also leaves the shared demo
        // data as other tests expect it.
        await lucas.GetByRole(AriaRole.Link, new() { Name = "Retour à la messagerie" }).ClickAsync();
        var blockedList = lucas.GetByRole(AriaRole.List, new() { Name = "Les personnes que vous avez bloquées" });
        await Assertions.Expect(blockedList).ToContainTextAsync("Jeanne L.");
        await Accessibility.AssertAccessibleAsync(lucas, "messaging with blocked people");
        await blockedList.GetByRole(AriaRole.Button, new() { Name = "Débloquer Jeanne L." }).ClickAsync();
        await Assertions.Expect(blockedList).ToBeHiddenAsync();
        var afterUnblock = await jeanneApi.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text = "Coucou Lucas" });
        Assert.Equal(System.Net.HttpStatusCode.Created, afterUnblock.StatusCode);
    }

    [Fact]
    public async Task Coordinator_creates_group_and_handles_report()
    {
        var coordinator = await OpenMessagingAsync("animatrice", "Bonjour");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Groupes et signalements" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Groupes et signalements", Level = 1 })).ToBeVisibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Créer le groupe" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Alert)).ToContainTextAsync("Donnez un nom au groupe");

        await coordinator.GetByLabel("Nom du groupe").FillAsync("Club tricot");
        foreach (var name in new[] { "Jeanne L.", "Lucas D." })
        {
            await coordinator.GetByLabel("Chercher un résident").FillAsync(name[..4]);
            await coordinator.GetByLabel(name, new() { Exact = true }).CheckAsync();
        }

        await Accessibility.AssertAccessibleAsync(coordinator, "group form");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Créer le groupe" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Club tricot", Level = 1 })).ToBeVisibleAsync();
        var groupId = coordinator.Url.Split('/')[^1];

        // Jeanne writes in the new group and Lucas reports the message.
        var jeanneApi = await server.ApiClientForAsync("jeanne");
        var lucasApi = await server.ApiClientForAsync("lucas");
        using var posted = await jeanneApi.PostAsJsonAsync($"api/v1/conversations/{groupId}/messages", new { text = "Message pour le club" });
        var messageId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var reported = await lucasApi.PostAsJsonAsync($"api/v1/conversations/{groupId}/messages/{messageId}/report", new { reason = "Ce n'est pas gentil." });
        Assert.Equal(System.Net.HttpStatusCode.Created, reported.StatusCode);

        await coordinator.GoBackAsync();
        await coordinator.ReloadAsync();
        var report = coordinator.GetByRole(AriaRole.List, new() { Name = "Messages signalés" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = "Message pour le club" });
        await Assertions.Expect(report).ToContainTextAsync("Signalé par Lucas D.");
        await Assertions.Expect(report).ToContainTextAsync("Ce n'est pas gentil.");
        await Assertions.Expect(report).ToContainTextAsync("Le message de Jeanne L.");
        await Accessibility.AssertAccessibleAsync(coordinator, "reported messages");
        await report.GetByLabel("Ce que vous avez fait").FillAsync("J'en ai parlé avec Jeanne.");
        await report.GetByRole(AriaRole.Button, new() { Name = "Marquer comme traité" }).ClickAsync();
        await Assertions.Expect(report).ToHaveCountAsync(0);

        var all = await server.ApiClientForAsync("animatrice");
        var reports = await all.GetFromJsonAsync<JsonElement>("api/v1/message-reports?status=all");
        var handled = reports.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("messageId").GetString() == messageId);
        Assert.Equal("J'en ai parlé avec Jeanne.", handled.GetProperty("resolution").GetString());
    }

    private async Task<IPage> OpenMessagingAsync(string username, string greeting)
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, username, "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = greeting })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Messagerie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Messagerie", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private static async Task<long> UnreadCountAsync(HttpClient api, string title)
    {
        var conversations = await api.GetFromJsonAsync<JsonElement>("api/v1/conversations");
        return conversations.EnumerateArray().Single(conversation => conversation.GetProperty("title").GetString() == title).GetProperty("unreadCount").GetInt64();
    }
}
