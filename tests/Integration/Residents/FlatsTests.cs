using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

public sealed class FlatsTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    [Fact]
    public async Task Register_flat_then_list_it()
    {
        var coordinator = host.ClientFor(Roles.ActivityCoordinator);

        var created = await coordinator.PostAsJsonAsync("/api/v1/flats", new { number = "A12", floor = 1, rooms = 2, areaSquareMetres = 45.5, stepFreeAccess = true });
        var flats = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/flats");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(flats.EnumerateArray(), flat => flat.GetProperty("number").GetString() == "A12");
    }

    [Fact]
    public async Task Flats_of_another_residence_stay_hidden()
    {
        await host.ClientFor(Roles.Administrator, BonSecoursHost.ResidenceA).PostAsJsonAsync("/api/v1/flats", new { number = "B7", floor = 2, rooms = 3, stepFreeAccess = false });

        var flats = await host.ClientFor(Roles.Administrator, BonSecoursHost.ResidenceB).GetFromJsonAsync<JsonElement>("/api/v1/flats");

        Assert.DoesNotContain(flats.EnumerateArray(), flat => flat.GetProperty("number").GetString() == "B7");
    }
}
