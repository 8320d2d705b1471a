using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// The caregiver's screens and the version conflict on the preferences form. These tests
// share the demo data with the other PortalTests, so each one sets Jeanne's preferences it
// checks and puts the defaults back at the end.
public sealed partial class PortalTests
{
    private static readonly Regex LargeText = new(@"(^|\s)text-large(\s|$)");

    [Fact]
    public async Task Caregiver_changes_resident_text_size()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "famille", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Sophie" })).ToBeVisibleAsync();
        var accompanied = page.GetByRole(AriaRole.Region, new() { Name = "Les personnes que j'accompagne" });
        var jeanneLink = accompanied.GetByRole(AriaRole.Link, new() { Name = "Jeanne Lefèvre" });
        await Assertions.Expect(jeanneLink).ToBeVisibleAsync();
        await Assertions.Expect(jeanneLink).ToContainTextAsync("Logement N° 001");
        await Accessibility.AssertAccessibleAsync(page, "caregiver home");
        var jeanneId = JeanneIdFrom(await jeanneLink.GetAttributeAsync("href"));

        await jeanneLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jeanne Lefèvre", Level = 1 })).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("001");
        await Accessibility.AssertAccessibleAsync(page, "accompanied resident");
        await page.GetByLabel("Grand", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#annonce")).ToHaveTextAsync("C'est enregistré.");

        // The choice is Jeanne's, so the caregiver's own page keeps its text size.
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(LargeText);
        using var admin = await server.ApiClientForAsync("admin");
        Assert.Equal("large", await TextSizeAsync(admin, jeanneId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await SignInAsync(page, "jeanne", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(LargeText);

        await ResetPreferencesAsync(admin, jeanneId);
    }

    [Fact]
    public async Task Caregiver_home_lists_no_one_for_staff()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "animatrice", "demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Camille" })).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Les personnes que j'accompagne" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Conflicting_save_reloads_then_succeeds()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "famille", "demo");
        var jeanneLink = page.GetByRole(AriaRole.Link, new() { Name = "Jeanne Lefèvre" });
        var jeanneId = JeanneIdFrom(await jeanneLink.GetAttributeAsync("href"));
        await jeanneLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jeanne Lefèvre", Level = 1 })).ToBeVisibleAsync();

        // Someone else changes Jeanne's preferences after the caregiver's screen loaded them.
        using var admin = await server.ApiClientForAsync("admin");
        var change = await admin.PutAsJsonAsync($"api/v1/residents/{jeanneId}/preferences",
            new { textSize = "normal", highContrast = false, easyRead = true, readAloud = false });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        await page.GetByLabel("Grand", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Quelqu'un d'autre a changé ce profil");
        await Assertions.Expect(alert).ToContainTextAsync("L'écran montre maintenant la dernière version.");
        await Assertions.Expect(page.GetByLabel("Normal", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Textes faciles à lire")).ToBeCheckedAsync();
        await Accessibility.AssertAccessibleAsync(page, "preferences conflict");
        Assert.Equal("normal", await TextSizeAsync(admin, jeanneId));

        await page.GetByLabel("Grand", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(page.Locator("#annonce")).ToHaveTextAsync("C'est enregistré.");
        await Assertions.Expect(alert).ToBeHiddenAsync();
        var stored = await PreferencesAsync(admin, jeanneId);
        Assert.Equal("large", stored.GetProperty("textSize").GetString());
        Assert.True(stored.GetProperty("easyRead").GetBoolean(), "The second save dropped the change made by the other person.");

        await ResetPreferencesAsync(admin, jeanneId);
    }

    private static Guid JeanneIdFrom(string? href) =>
        Guid.Parse(href?.Replace("#/personne/", string.Empty, StringComparison.Ordinal) ?? throw new InvalidOperationException("The link to Jeanne has no href."));

    private static async Task<JsonElement> PreferencesAsync(HttpClient api, Guid residentId) =>
        (await api.GetFromJsonAsync<JsonElement>($"api/v1/residents/{residentId}")).GetProperty("preferences");

    private static async Task<string?> TextSizeAsync(HttpClient api, Guid residentId) =>
        (await PreferencesAsync(api, residentId)).GetProperty("textSize").GetString();

    private static async Task ResetPreferencesAsync(HttpClient api, Guid residentId)
    {
        var response = await api.PutAsJsonAsync($"api/v1/residents/{residentId}/preferences",
            new { textSize = "normal", highContrast = false, easyRead = false, readAloud = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
