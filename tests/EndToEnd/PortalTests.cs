using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

[Collection(PortalCollection.Name)]
public sealed partial class PortalTests(PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    /// <summary>
    /// Closes the pages earlier tests left open. A page left on a conversation marks new
    /// messages read as they arrive, which would change what the next test sees.
    /// </summary>
    public async Task InitializeAsync()
    {
        foreach (var context in server.Browser.Contexts.ToList())
        {
            await context.CloseAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Wrong_password_shows_french_error()
    {
        var page = await server.OpenPortalAsync();

        await SignInAsync(page, "jeanne", "pas-le-bon");

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Identifiant ou mot de passe incorrect");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "sign-in with error");
    }

    [Fact]
    public async Task Sign_in_screen_is_accessible()
    {
        var page = await server.OpenPortalAsync();

        await Assertions.Expect(page.GetByLabel("Identifiant")).ToBeVisibleAsync();

        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Accessibility.AssertAccessibleAsync(page, "sign-in");
    }

    [Fact]
    public async Task Resident_preferences_apply_and_survive_reload()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "jeanne", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "L'annuaire des résidents" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Messagerie" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "resident home");
        var normalFontSize = await BodyFontSizeAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mon profil" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon profil" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Jeanne Lefèvre");
        await Accessibility.AssertAccessibleAsync(page, "profile");
        await page.GetByLabel("Très grand").CheckAsync();
        await page.GetByLabel("Couleurs très contrastées").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        var html = page.Locator("html");
        await Assertions.Expect(html).ToHaveClassAsync(new Regex("text-extra-large"));
        await Assertions.Expect(html).ToHaveClassAsync(new Regex("high-contrast"));
        Assert.True(await BodyFontSizeAsync(page) > normalFontSize, "The body text did not grow after choosing the very large text size.");
        await Accessibility.AssertAccessibleAsync(page, "profile in high contrast");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon profil" })).ToBeVisibleAsync();
        await Assertions.Expect(html).ToHaveClassAsync(new Regex("text-extra-large"));
        await Assertions.Expect(html).ToHaveClassAsync(new Regex("high-contrast"));
        await Assertions.Expect(page.GetByLabel("Très grand")).ToBeCheckedAsync();
        Assert.True(await BodyFontSizeAsync(page) > normalFontSize, "The very large text size was lost after a reload.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil" }).ClickAsync();
        await Assertions.Expect(html).ToHaveClassAsync(new Regex("high-contrast"));
        await Accessibility.AssertAccessibleAsync(page, "resident home in high contrast");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(html).Not.ToHaveClassAsync(new Regex("high-contrast"));
        await SignInAsync(page, "jeanne", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne" })).ToBeVisibleAsync();
        await Assertions.Expect(html).ToHaveClassAsync(new Regex("text-extra-large"));
    }

    [Theory]
    [InlineData("Lefèvre")]
    [InlineData("lefevre")]
    public async Task Coordinator_finds_resident_in_directory(string search)
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "animatrice", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Camille" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "staff home");

        await page.GetByRole(AriaRole.Link, new() { Name = "L'annuaire des résidents" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "L'annuaire des résidents" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await page.GetByLabel("Nom ou prénom").FillAsync(search);
        await page.GetByLabel("Nom ou prénom").PressAsync("Enter");

        var jeanne = page.GetByRole(AriaRole.Row, new() { Name = "Lefèvre Jeanne" });
        await Assertions.Expect(jeanne).ToBeVisibleAsync();
        await Assertions.Expect(jeanne).ToContainTextAsync("Senior");
        await Assertions.Expect(jeanne).ToContainTextAsync("001");
        await Accessibility.AssertAccessibleAsync(page, "directory");
    }

    [Fact]
    public async Task Keyboard_alone_reaches_profile()
    {
        var page = await server.OpenPortalAsync();
        await page.Keyboard.TypeAsync("jeanne");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("demo");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne" })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mon profil" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon profil" })).ToBeFocusedAsync();
    }

    private static async Task SignInAsync(IPage page, string username, string password)
    {
        await page.GetByLabel("Identifiant").FillAsync(username);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    private static Task<double> BodyFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
}
