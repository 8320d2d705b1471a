using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

/// <summary>
/// « Nouvelle conversation » between jeanne and lucas, on a portal of its own: the one-to-one
/// test of <see cref="PortalTests"/> fills and blocks the same conversation, so sharing a
/// database would make either test depend on the order they run in.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class NewConversationPortalTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task New_conversation_shows_display_names()
    {
        var jeanne = await OpenMessagingAsync("jeanne", "Bonjour Jeanne");
        var start = jeanne.GetByRole(AriaRole.Button, new() { Name = "Nouvelle conversation" });
        await start.ClickAsync();
        await Assertions.Expect(start).ToHaveAttributeAsync("aria-expanded", "true");
        var search = jeanne.GetByLabel("Chercher un nom");
        await Assertions.Expect(search).ToBeFocusedAsync();
        var lucasButton = jeanne.GetByRole(AriaRole.Button, new() { Name = "Lucas D." });
        await Assertions.Expect(lucasButton).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(jeanne, "new conversation picker");

        // The search keeps only the matching names, and shows a message when no name matches.
        await search.FillAsync("zzz");
        await Assertions.Expect(jeanne.GetByText("Personne ne correspond.")).ToBeVisibleAsync();
        await search.FillAsync("luc");
        await lucasButton.ClickAsync();
        await Assertions.Expect(jeanne.GetByRole(AriaRole.Heading, new() { Name = "Lucas D.", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(jeanne.GetByText("Dubois-N'Diaye")).ToHaveCountAsync(0);
        const string text = "Bonjour Lucas, tu viens au jardin demain ?";
        await jeanne.GetByLabel("Écrivez votre message").FillAsync(text);
        await jeanne.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(jeanne.Locator(".message.mine .message-text").Last).ToHaveTextAsync(text);

        var lucas = await OpenMessagingAsync("lucas", "Bonjour Lucas");
        var fromJeanne = lucas.GetByRole(AriaRole.Link).Filter(new() { HasText = "Jeanne L." });
        await Assertions.Expect(fromJeanne.First).ToBeVisibleAsync();
        await fromJeanne.First.ClickAsync();
        await Assertions.Expect(lucas.GetByRole(AriaRole.Heading, new() { Name = "Jeanne L.", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lucas.Locator(".message:not(.mine) .message-text").Last).ToHaveTextAsync(text);
        await Assertions.Expect(lucas.Locator(".message:not(.mine) .message-sender").Last).ToHaveTextAsync("Jeanne L.");
        await Accessibility.AssertAccessibleAsync(lucas, "conversation with display names");
    }

    private async Task<IPage> OpenMessagingAsync(string username, string greeting)
    {
        var page = await server.OpenPortalAsync();
        await page.GetByLabel("Identifiant").FillAsync(username);
        await page.GetByLabel("Mot de passe").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = greeting })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Messagerie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Messagerie", Level = 1 })).ToBeVisibleAsync();
        return page;
    }
}

/// <summary>The xUnit collection that runs the portal test classes one after the other, so two Hosts and browsers never run at once.</summary>
public static class PortalCollection
{
    public const string Name = "Portal";
}
