using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

public sealed partial class PortalTests
{
    private static readonly TimeZoneInfo ParisZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Kiosk_bread_order_from_three_taps_to_delivery()
    {
        using var jeanneApi = await server.ApiClientForAsync("jeanne");
        await WaitForKioskCatalogueAsync(jeanneApi);
        var serviceDate = BreadDate();
        var dayWords = KioskDayInWords(serviceDate);

        // Jeanne opens the kiosk and orders a baguette: service, slot, « Commander ».
        var resident = await server.OpenPortalAsync();
        await SignInAsync(resident, "jeanne", "demo");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Le kiosque" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Que voulez-vous ?" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(resident, "kiosk home");

        var taps = 0;
        await resident.GetByRole(AriaRole.Button).Filter(new() { HasText = "Baguette" }).ClickAsync();
        taps++;
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Baguette : quel jour ?" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(resident, "kiosk slots");
        await resident.GetByRole(AriaRole.Button).Filter(new() { HasText = $"{dayWords}, de 7 h 30 à 8 h 30" }).ClickAsync();
        taps++;
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Je vérifie" })).ToBeVisibleAsync();
        await Assertions.Expect(resident.GetByLabel("Combien ?")).ToHaveValueAsync("1");
        await Accessibility.AssertAccessibleAsync(resident, "kiosk order summary");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Commander" }).ClickAsync();
        taps++;
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "C'est commandé !" })).ToBeVisibleAsync();
        Assert.True(taps <= 3, $"Ordering took {taps} taps.");

        var orderId = await FindBreadOrderAsync(jeanneApi, serviceDate);
        await resident.GetByRole(AriaRole.Link, new() { Name = "Mes commandes" }).First.ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Mes commandes", Level = 1 })).ToBeVisibleAsync();
        var myOrder = resident.Locator($"[data-order-id='{orderId}']");
        await Assertions.Expect(myOrder).ToContainTextAsync("Envoyée. Le kiosque va la lire.");
        await Assertions.Expect(myOrder).ToContainTextAsync(dayWords);
        await Accessibility.AssertAccessibleAsync(resident, "my orders");

        // The kiosk staff, in another browser context, find it in the round and deliver it.
        var me = await jeanneApi.GetFromJsonAsync<JsonElement>("api/v1/residents/me");
        var flat = me.GetProperty("flatNumber").GetString();
        var floor = me.GetProperty("floor").GetInt32();
        var staff = await server.OpenPortalAsync();
        await SignInAsync(staff, "kiosque", "demo");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Le kiosque" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Le kiosque", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(staff, "kiosk staff home");

        await staff.GetByRole(AriaRole.Link, new() { Name = "La tournée" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "La tournée", Level = 1 })).ToBeVisibleAsync();
        await staff.GetByLabel("Matin de la tournée").FillAsync(serviceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Voir" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Tournée du {dayWords}" })).ToBeVisibleAsync();
        var stop = staff.Locator($"tr[data-order-id='{orderId}']");
        await Assertions.Expect(stop).ToContainTextAsync(flat!);
        await Assertions.Expect(stop).ToContainTextAsync(FloorInWords(floor));
        await Assertions.Expect(stop).ToContainTextAsync("Baguette");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Imprimer" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(staff, "daily round");

        await staff.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Le kiosque" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Les commandes du jour" }).ClickAsync();
        await staff.GetByLabel("Jour", new() { Exact = true }).FillAsync(serviceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Voir" }).ClickAsync();
        var card = staff.Locator($"li[data-order-id='{orderId}']");
        await Assertions.Expect(card).ToContainTextAsync("Statut : À confirmer");
        await Accessibility.AssertAccessibleAsync(staff, "kiosk orders of the day");
        await card.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Statut : Confirmée");
        await card.GetByRole(AriaRole.Button, new() { Name = "Livré" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Statut : Livrée");

        await resident.ReloadAsync();
        await Assertions.Expect(resident.Locator($"[data-order-id='{orderId}']")).ToContainTextAsync("C'est fait.");
    }

    [Fact]
    public async Task Kiosk_statement_shows_for_staff_and_resident()
    {
        using var api = await server.ApiClientForAsync("kiosque");
        await WaitForKioskCatalogueAsync(api);
        var staff = await server.OpenPortalAsync();
        await SignInAsync(staff, "kiosque", "demo");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Le kiosque" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Les relevés du mois" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Le relevé du mois", Level = 1 })).ToBeVisibleAsync();

        await staff.GetByLabel("Le foyer").SelectOptionAsync(new SelectOptionValue { Label = (await staff.GetByLabel("Le foyer").Locator("option").Filter(new() { HasText = "Jeanne Lefèvre" }).First.TextContentAsync())! });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Voir le relevé" }).ClickAsync();

        await Assertions.Expect(staff.GetByText("Aucune prestation livrée ce mois-ci.").Or(staff.Locator(".statement-total"))).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Télécharger le relevé (fichier CSV)" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(staff, "kiosk statement for staff");

        var resident = await server.OpenPortalAsync();
        await SignInAsync(resident, "jeanne", "demo");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Le kiosque" }).ClickAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Mes commandes" }).First.ClickAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Mon relevé du mois" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Le relevé du mois", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(resident.GetByText("Aucune prestation livrée ce mois-ci.").Or(resident.Locator(".statement-total"))).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(resident, "kiosk statement for a resident");
    }

    [Fact]
    public async Task Kiosk_catalogue_accepts_comma_price()
    {
        using var api = await server.ApiClientForAsync("kiosque");
        await WaitForKioskCatalogueAsync(api);
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "kiosque", "demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Le kiosque" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Le catalogue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Le catalogue", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Baguette" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "kiosk catalogue");

        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Soupe du soir");
        await page.GetByLabel("Description").FillAsync("Une soupe chaude livrée chez vous.");
        await page.GetByLabel("Pictogramme").SelectOptionAsync("soupe");
        await page.GetByLabel("Prix en euros (par exemple 2,50)").FillAsync("2,50");
        await page.GetByLabel("lundi").CheckAsync();
        await page.GetByLabel("jeudi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le service" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Soupe du soir" });
        await Assertions.Expect(row).ToContainTextAsync(new Regex("2,50"));
        await Assertions.Expect(row).ToContainTextAsync("lundi, jeudi");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Kiosk_caregiver_orders_and_cancels()
    {
        using var api = await server.ApiClientForAsync("famille");
        await WaitForKioskCatalogueAsync(api);
        var page = await server.OpenPortalAsync();
        await SignInAsync(page, "famille", "demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Commander au kiosque pour Jeanne" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Le kiosque pour Jeanne", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Les commandes de Jeanne" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "caregiver kiosk");

        await page.GetByRole(AriaRole.Button).Filter(new() { HasText = "Journal" }).ClickAsync();
        await page.Locator(".slot-button").First.ClickAsync();
        await Accessibility.AssertAccessibleAsync(page, "caregiver order summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commander" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "C'est commandé !" })).ToBeVisibleAsync();

        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Annuler Journal" });
        await Assertions.Expect(cancel).ToHaveCountAsync(1);
        await cancel.ClickAsync();
        await Assertions.Expect(page.Locator(".kiosk-orders li").Filter(new() { HasText = "Journal" })).ToContainTextAsync("Annulée.");
    }

    /// <summary>The kiosk's demo catalogue is seeded in the background once the Host is up.</summary>
    private static async Task WaitForKioskCatalogueAsync(HttpClient api)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var offerings = await api.GetFromJsonAsync<JsonElement>("api/v1/offerings");
            if (offerings.EnumerateArray().Any(offering => offering.GetProperty("name").GetString() == "Baguette"))
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail("The kiosk's demo catalogue was not seeded within 60 seconds.");
    }

    /// <summary>
    /// Returns the first morning jeanne can still order bread for. The cut-off is 18:00 the day
    /// before (Paris time), so it is tomorrow before 18:00 and the day after tomorrow later on.
    /// The demo baguette is not offered on Sundays, so a Sunday moves to Monday.
    /// </summary>
    private static DateOnly BreadDate()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ParisZone);
        var today = DateOnly.FromDateTime(now.DateTime);
        var date = now.Hour < 18 ? today.AddDays(1) : today.AddDays(2);
        return date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;
    }

    private static string KioskDayInWords(DateOnly date)
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
        return $"{french.DateTimeFormat.GetDayName(date.DayOfWeek)} {day} {french.DateTimeFormat.GetMonthName(date.Month)}";
    }

    private static string FloorInWords(int floor) => floor switch
    {
        0 => "Rez-de-chaussée",
        1 => "1er étage",
        _ => $"{floor}e étage",
    };

    private static async Task<Guid> FindBreadOrderAsync(HttpClient api, DateOnly date)
    {
        var orders = await api.GetFromJsonAsync<JsonElement>("api/v1/orders");
        return orders.EnumerateArray()
            .Where(order => order.GetProperty("offeringName").GetString() == "Baguette"
                && order.GetProperty("date").GetString() == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                && order.GetProperty("recurringOrderId").ValueKind == JsonValueKind.Null
                && order.GetProperty("status").GetString() == "placed")
            .Select(order => order.GetProperty("id").GetGuid())
            .Single();
    }
}
