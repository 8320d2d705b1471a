using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// The CareFollowUp screens: the priority call seen from two browsers, the resident's
// appointments, the daily check-in and the care team's screens. Every test leaves the demo
// data as it found it (calls closed, appointments cancelled, check-in switched off).
public sealed partial class PortalTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task Priority_call_is_acknowledged_live()
    {
        // Board updates reach the whole care team, whoever the rota puts on duty now.
        var staff = await server.OpenPortalAsync();
        await SignInAsync(staff, "soignant", "demo");
        var boardStream = staff.WaitForResponseAsync(response => response.Url.EndsWith("/api/v1/priority-calls/stream", StringComparison.Ordinal));
        await staff.GetByRole(AriaRole.Link, new() { Name = "Appels prioritaires" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Appels prioritaires", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator(".summary")).ToHaveTextAsync("Aucun appel en cours.");
        await boardStream;
        await staff.GetByRole(AriaRole.Button, new() { Name = "Activer le son" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Son activé" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Accessibility.AssertAccessibleAsync(staff, "empty call board");

        var resident = await server.OpenPortalAsync();
        await SignInAsync(resident, "jeanne", "demo");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne" })).ToBeVisibleAsync();
        var residentStream = resident.WaitForResponseAsync(response => response.Url.EndsWith("/api/v1/priority-calls/mine/stream", StringComparison.Ordinal));
        await resident.GetByRole(AriaRole.Button, new() { Name = "Appeler à l'aide" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Mon appel à l'aide" })).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".call-message")).ToContainTextAsync("Votre appel est bien parti.");
        await Assertions.Expect(resident.Locator(".call-elapsed")).ToContainTextAsync("Vous avez appuyé il y a");
        await residentStream;
        await Accessibility.AssertAccessibleAsync(resident, "call status");

        // The board shows the call from the live stream, without a reload.
        var card = staff.Locator(".call-board > li", new() { HasText = "Jeanne Lefèvre" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("N° 001");
        await Assertions.Expect(card).ToContainTextAsync("Personne ne s'en occupe encore");
        await Accessibility.AssertAccessibleAsync(staff, "call board with a call");

        await card.GetByRole(AriaRole.Button, new() { Name = "Je m'en occupe" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Pris en charge par Karim, aide-soignant");
        await Assertions.Expect(resident.Locator(".call-message")).ToHaveTextAsync("Votre appel a été vu par Karim, aide-soignant. Quelqu'un arrive.");
        await Assertions.Expect(resident.Locator(".call-steps")).ToContainTextAsync("Quelqu'un arrive.");
        await Accessibility.AssertAccessibleAsync(staff, "call board with an acknowledged call");

        await card.GetByLabel("Issue de l'appel").SelectOptionAsync("helpGiven");
        await card.GetByRole(AriaRole.Button, new() { Name = "Clore l'appel" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".call-board > li")).ToHaveCountAsync(0);
        await Assertions.Expect(resident.Locator(".call-message")).ToContainTextAsync("Votre appel est terminé.");
    }

    [Fact]
    public async Task Resident_adds_then_cancels_appointment()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "jeanne", "demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes rendez-vous" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes rendez-vous", Level = 1 })).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".appointment-list")).ToContainTextAsync("Cardiologie");

        // The help button sits in the banner on every screen of a resident.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Appeler à l'aide" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "resident appointments");

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime).AddDays(20);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un rendez-vous" }).ClickAsync();
        await page.GetByLabel("Médecin ou soignant").FillAsync("Dr Alice Roux");
        await page.GetByLabel("Spécialité").FillAsync("Ophtalmologie");
        await page.GetByLabel("Lieu").FillAsync("Clinique Bon Secours, Arras");
        await page.GetByLabel("Jour").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Heure").FillAsync("10:45");
        await Accessibility.AssertAccessibleAsync(page, "appointment form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#annonce")).ToHaveTextAsync("Le rendez-vous est ajouté.");

        var added = page.Locator(".appointment-list > li", new() { HasText = "Ophtalmologie" });
        await Assertions.Expect(added.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"🩺 {DayInWords(day)} à 10 h 45");
        await Assertions.Expect(added).ToContainTextAsync("Dr Alice Roux");

        await added.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        await Assertions.Expect(added.GetByText("Voulez-vous vraiment annuler ce rendez-vous ?")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "appointment cancel question");
        await added.GetByRole(AriaRole.Button, new() { Name = "Oui, annuler" }).ClickAsync();
        await Assertions.Expect(page.Locator("#annonce")).ToHaveTextAsync("Le rendez-vous est annulé.");
        await Assertions.Expect(page.Locator(".appointment-list > li", new() { HasText = "Ophtalmologie" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Resident_says_je_vais_bien()
    {
        using var admin = await server.ApiClientForAsync("admin");
        var jeanneId = await ResidentIdAsync("jeanne");
        using var enable = await admin.PutAsJsonAsync($"api/v1/residents/{jeanneId}/daily-check-in",
            new { enabled = true, deadline = "23:59", portalActivityCounts = false, priorityCallCounts = false });
        enable.EnsureSuccessStatusCode();
        try
        {
            var page = await server.OpenPortalAsync();
            await SignInAsync(page, "jeanne", "demo");
            await page.GetByRole(AriaRole.Button, new() { Name = "Je vais bien" }).ClickAsync();
            await Assertions.Expect(page.Locator(".check-in-done")).ToContainTextAsync("Merci. L'équipe sait que vous allez bien");
            await Accessibility.AssertAccessibleAsync(page, "resident home with check-in");
        }
        finally
        {
            using var disable = await admin.PutAsJsonAsync($"api/v1/residents/{jeanneId}/daily-check-in",
                new { enabled = false, deadline = "23:59", portalActivityCounts = false, priorityCallCounts = false });
            disable.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Care_team_rota_and_missing_list()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "soignant", "demo");

        await page.GetByRole(AriaRole.Link, new() { Name = "Planning d'astreinte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planning d'astreinte", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "on-call rota");

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        await page.GetByLabel("Identifiant de la personne").FillAsync("astreinte");
        await page.GetByLabel("Rôle").SelectOptionAsync("on-call");
        await page.GetByLabel("Type de service").SelectOptionAsync("onCall");
        await page.GetByLabel("Début").FillAsync($"{tomorrow:yyyy-MM-dd}T03:10");
        await page.GetByLabel("Fin").FillAsync($"{tomorrow:yyyy-MM-dd}T04:20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le service" }).ClickAsync();
        await Assertions.Expect(page.Locator("#annonce")).ToHaveTextAsync("Le service est ajouté au planning.");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync($"{DayInWords(tomorrow)} à 3 h 10");

        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pas encore de nouvelles" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pas encore de nouvelles", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".summary")).Not.ToBeEmptyAsync();
        await Accessibility.AssertAccessibleAsync(page, "missing check-ins");
    }

    [Fact]
    public async Task Caregiver_sees_resident_appointments()
    {
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "famille", "demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jeanne Lefèvre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Les rendez-vous de Jeanne" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Les rendez-vous de Jeanne Lefèvre", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".appointment-list")).ToContainTextAsync("Cardiologie");
        await Accessibility.AssertAccessibleAsync(page, "caregiver appointments");
    }

    // "mardi 15 mars", with "1er" for the first day of a month, as the portal writes it.
    private static string DayInWords(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        var number = day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture);
        return $"{date.ToString("dddd", French)} {number} {date.ToString("MMMM", French)}";
    }

    private async Task<Guid> ResidentIdAsync(string username)
    {
        using var client = await server.ApiClientForAsync(username);
        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("api/v1/residents/me");
        return me.GetProperty("id").GetGuid();
    }
}
