using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

public sealed class RoundAndStatementTests(KioskHost host) : IClassFixture<KioskHost>
{
    [Fact]
    public async Task Daily_round_sorts_by_floor_then_flat()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Baguette tournée"));
        var kiosk = host.ClientFor(Roles.KioskStaff);
        foreach (var (flat, floor) in new[] { ("B10", 2), ("A3", 0), ("B2", 2), ("C1", 1) })
        {
            var resident = await host.AddResidentFileAsync(flat, floor);
            await kiosk.PlaceOrderAsync(offeringId, resident.Id, "2031-03-04");
        }

        var round = await kiosk.GetFromJsonAsync<JsonElement>("/api/v1/daily-rounds/2031-03-04");
        var flats = round.GetProperty("stops").EnumerateArray().Select(stop => stop.GetProperty("flatNumber").GetString()).ToList();

        Assert.Equal(["A3", "C1", "B2", "B10"], flats);
    }

    [Fact]
    public async Task Daily_round_as_csv()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Pain de mie"));
        var resident = await host.AddResidentFileAsync("D7", 3);
        var kiosk = host.ClientFor(Roles.KioskStaff);
        await kiosk.PlaceOrderAsync(offeringId, resident.Id, "2031-03-05", quantity: 2);

        var response = await kiosk.GetAsync("/api/v1/daily-rounds/2031-03-05?format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("Étage;Logement;Créneau;Service;Quantité;Message;Statut", text);
        Assert.Contains("3;D7;07:30-08:30;Pain de mie;2;;à confirmer", text);
    }

    [Fact]
    public async Task Daily_round_is_for_kiosk_staff()
    {
        var response = await host.ClientFor(Roles.ActivityCoordinator).GetAsync("/api/v1/daily-rounds/2031-03-05");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Statement_total_is_exact_to_the_cent()
    {
        var (household, resident) = await DeliverBreadAndPapersAsync("S1");

        var statement = await host.ResidentClient(resident).GetFromJsonAsync<JsonElement>($"/api/v1/statements?householdId={household}&month=2031-04");

        Assert.Equal(5.90m, statement.GetProperty("total").GetDecimal());
        Assert.Equal(5, statement.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Statement_as_french_csv()
    {
        var (household, _) = await DeliverBreadAndPapersAsync("S2");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/statements?householdId={household}&month=2031-04");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await host.ClientFor(Roles.KioskStaff).SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Date;Service;Quantité;Prix unitaire (€);Montant (€)", lines[0]);
        Assert.Equal("01/04/2031;Baguette S2;1;1,10;1,10", lines[1]);
        Assert.Equal("Total;;;;5,90", lines[^1]);
    }

    [Fact]
    public async Task Statement_access_follows_household()
    {
        var caregiverId = Guid.NewGuid();
        var household = Guid.NewGuid();
        var member = await host.AddResidentFileAsync("S3", 1, household, [caregiverId]);
        var stranger = await host.AddResidentFileAsync("S4", 1);
        var path = $"/api/v1/statements?householdId={household}&month=2031-04";

        Assert.Equal(HttpStatusCode.OK, (await host.ResidentClient(member).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString()).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor(Roles.Administrator).GetAsync(path)).StatusCode);
        await (await host.ResidentClient(stranger).GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await host.ClientFor(Roles.Caregiver, personId: Guid.NewGuid().ToString()).GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await host.ClientFor(Roles.KioskStaff, BonSecoursHost.ResidenceB).GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
        await (await host.ClientFor(Roles.KioskStaff).GetAsync($"/api/v1/statements?householdId={household}&month=2031-13")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await host.ClientFor(Roles.KioskStaff).GetAsync("/api/v1/statements?month=2031-04")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Delivers 3 baguettes at 1,10 € and 2 newspapers at 1,30 € to one household in April 2031.</summary>
    private async Task<(Guid Household, KioskResident Resident)> DeliverBreadAndPapersAsync(string flat)
    {
        var household = Guid.NewGuid();
        var resident = await host.AddResidentFileAsync(flat, 1, household);
        var partner = await host.AddResidentFileAsync(flat, 1, household);
        var bread = await host.AddOfferingAsync(KioskApi.Offering($"Baguette {flat}", 1.10m));
        var paper = await host.AddOfferingAsync(KioskApi.Offering($"Journal {flat}", 1.30m));
        var kiosk = host.ClientFor(Roles.KioskStaff);
        var orders = new List<Guid>
        {
            await kiosk.PlaceOrderAsync(bread, resident.Id, "2031-04-01"),
            await kiosk.PlaceOrderAsync(bread, resident.Id, "2031-04-02"),
            await kiosk.PlaceOrderAsync(bread, partner.Id, "2031-04-03"),
            await kiosk.PlaceOrderAsync(paper, resident.Id, "2031-04-04"),
            await kiosk.PlaceOrderAsync(paper, partner.Id, "2031-04-05"),
        };
        var notDelivered = await kiosk.PlaceOrderAsync(paper, partner.Id, "2031-04-07");
        var nextMonth = await kiosk.PlaceOrderAsync(paper, partner.Id, "2031-05-02");
        foreach (var orderId in orders.Append(nextMonth))
        {
            Assert.Equal(HttpStatusCode.OK, (await kiosk.PostAsync($"/api/v1/orders/{orderId}/deliver", null)).StatusCode);
        }

        Assert.NotEqual(Guid.Empty, notDelivered);
        return (household, resident);
    }
}
