using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

/// <summary>GET /offerings/{id}/slots: the slots still open to order, with the places left.</summary>
public sealed class SlotsTests(KioskHost host) : IClassFixture<KioskHost>
{
    [Fact]
    public async Task Slots_show_places_left_after_an_order()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Pain aux noix", capacity: 2));
        var resident = await host.AddResidentFileAsync("S1", 1);
        var client = host.ResidentClient(resident);
        host.SetParisTime(2031, 3, 10, 10, 0);

        await client.PlaceOrderAsync(offeringId, resident.Id, "2031-03-11");
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/v1/offerings/{offeringId}/slots?days=3");

        var listed = slots.EnumerateArray().Select(slot => (slot.GetProperty("date").GetString(), slot.GetProperty("placesLeft").GetInt32())).ToList();
        Assert.Equal([("2031-03-11", 1), ("2031-03-12", 2)], listed);
    }

    [Fact]
    public async Task Slots_past_cut_off_are_for_staff_only()
    {
        // Monday 2031-03-10 at 19:00 in Paris: the bread of Tuesday closed at 18:00.
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Pain de mie"));
        var resident = await host.AddResidentFileAsync("S2", 1);
        host.SetParisTime(2031, 3, 10, 19, 0);

        var forResident = await host.ResidentClient(resident).GetFromJsonAsync<JsonElement>($"/api/v1/offerings/{offeringId}/slots?days=3");
        var forStaff = await host.ClientFor(Roles.KioskStaff).GetFromJsonAsync<JsonElement>($"/api/v1/offerings/{offeringId}/slots?days=3");

        Assert.Equal(["2031-03-12"], forResident.EnumerateArray().Select(slot => slot.GetProperty("date").GetString()));
        Assert.Equal(["2031-03-10", "2031-03-11", "2031-03-12"], forStaff.EnumerateArray().Select(slot => slot.GetProperty("date").GetString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public async Task Slots_reject_invalid_day_count(int days)
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Pain complet"));

        var response = await host.ClientFor(Roles.KioskStaff).GetAsync($"/api/v1/offerings/{offeringId}/slots?days={days}");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Slots_of_unknown_offering_not_found()
    {
        var response = await host.ClientFor(Roles.KioskStaff).GetAsync($"/api/v1/offerings/{Guid.NewGuid()}/slots");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
