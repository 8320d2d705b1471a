using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

public sealed class CapacityTests(KioskHost host) : IClassFixture<KioskHost>
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Parallel_orders_never_exceed_capacity(int capacity)
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering($"Ménage {capacity}", 12.00m, capacity, kind: "housekeeping"));
        var residents = new List<KioskResident>();
        for (var index = 0; index < 10; index++)
        {
            residents.Add(await host.AddResidentFileAsync($"P{capacity}-{index}", 1));
        }

        var clients = residents.Select(resident => (Resident: resident, Client: host.ResidentClient(resident))).ToList();
        var responses = await Task.WhenAll(clients.Select(entry => entry.Client.OrderAsync(offeringId, entry.Resident.Id, "2031-02-05")));

        Assert.Equal(capacity, responses.Count(response => response.StatusCode == HttpStatusCode.Created));
        var refusals = responses.Where(response => response.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(10 - capacity, refusals.Count);
        foreach (var refusal in refusals)
        {
            var problem = await refusal.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("Il n'y a plus de place sur ce créneau. Choisissez un autre créneau.", problem.Text("detail"));
        }

        var round = await host.ClientFor(Roles.KioskStaff).GetFromJsonAsync<JsonElement>("/api/v1/daily-rounds/2031-02-05");
        Assert.Equal(capacity, round.GetProperty("stops").EnumerateArray().Count(stop => stop.GetProperty("offeringName").GetString() == $"Ménage {capacity}"));
    }

    [Fact]
    public async Task Cancelled_order_frees_its_place()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Couture", 4.00m, 1, kind: "sewing"));
        var first = await host.AddResidentFileAsync("Q1", 1);
        var second = await host.AddResidentFileAsync("Q2", 1);
        var orderId = await host.ResidentClient(first).PlaceOrderAsync(offeringId, first.Id, "2031-02-06");

        var full = await host.ResidentClient(second).OrderAsync(offeringId, second.Id, "2031-02-06");
        await host.ResidentClient(first).PostAsync($"/api/v1/orders/{orderId}/cancel", null);
        var freed = await host.ResidentClient(second).OrderAsync(offeringId, second.Id, "2031-02-06");

        await full.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, freed.StatusCode);
    }
}
