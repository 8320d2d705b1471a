using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

public sealed class OfferingsTests(KioskHost host) : IClassFixture<KioskHost>
{
    [Fact]
    public async Task Kiosk_staff_adds_offering_residents_read_it()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Journal", 1.30m));

        var response = await host.ClientFor(Roles.Resident, personId: Guid.NewGuid().ToString()).GetAsync($"/api/v1/offerings/{offeringId}");
        var offering = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(1.30m, offering.GetProperty("price").GetDecimal());
        Assert.Equal("breadAndNewspaperDropOff", offering.GetProperty("kind").GetString());
        Assert.Equal("18:00", offering.GetProperty("cutOff").GetProperty("at").GetString());
        var list = await host.ClientFor(Roles.Caregiver, personId: Guid.NewGuid().ToString()).GetFromJsonAsync<JsonElement>("/api/v1/offerings");
        Assert.Contains(list.EnumerateArray(), item => item.GetProperty("id").GetGuid() == offeringId);
    }

    [Fact]
    public async Task Price_with_three_decimals_is_rejected()
    {
        var response = await host.ClientFor(Roles.KioskStaff).PostAsJsonAsync("/api/v1/offerings", KioskApi.Offering(price: 1.105m));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("2 chiffres après la virgule", problem.GetProperty("errors").GetProperty("price")[0].GetString());
    }

    [Fact]
    public async Task Invalid_offering_fields_are_rejected()
    {
        var body = new
        {
            kind = "ironing",
            name = "",
            description = "Repassage",
            pictogram = "Fer à repasser",
            price = -1m,
            days = Array.Empty<string>(),
            slots = new[] { new { start = "25:00", end = "08:30" } },
            capacityPerSlot = 0,
            cutOff = new { daysBefore = 1, at = "18h" },
        };

        var response = await host.ClientFor(Roles.KioskStaff).PostAsJsonAsync("/api/v1/offerings", body);
        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

        foreach (var field in new[] { "name", "pictogram", "price", "days", "slots", "capacityPerSlot", "cutOff.At" })
        {
            Assert.True(errors.TryGetProperty(field, out _) || errors.TryGetProperty(JsonNamingPolicy.CamelCase.ConvertName(field), out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Unknown_kind_is_a_french_400()
    {
        var response = await host.ClientFor(Roles.KioskStaff).PostAsJsonAsync("/api/v1/offerings", KioskApi.Offering(kind: "massage"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEqual(string.Empty, problem.Text("detail"));
    }

    [Theory]
    [InlineData(Roles.ActivityCoordinator)]
    [InlineData(Roles.Resident)]
    [InlineData(Roles.CareStaff)]
    public async Task Other_roles_cannot_add_offering(string role)
    {
        var response = await host.ClientFor(role, personId: Guid.NewGuid().ToString()).PostAsJsonAsync("/api/v1/offerings", KioskApi.Offering());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Change_needs_current_version()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Repassage", 5.00m, kind: "ironing"));
        var kiosk = host.ClientFor(Roles.KioskStaff);

        var changed = await kiosk.SendRawAsync(HttpMethod.Put, $"/api/v1/offerings/{offeringId}", JsonSerializer.Serialize(KioskApi.Offering("Repassage", 5.50m, kind: "ironing")), ifMatch: "\"1\"");
        var stale = await kiosk.SendRawAsync(HttpMethod.Put, $"/api/v1/offerings/{offeringId}", JsonSerializer.Serialize(KioskApi.Offering("Repassage", 6.00m, kind: "ironing")), ifMatch: "\"1\"");
        var offering = await kiosk.GetFromJsonAsync<JsonElement>($"/api/v1/offerings/{offeringId}");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(5.50m, offering.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Offering_of_other_residence_is_not_found()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Couture", 4.00m, kind: "sewing"));

        var read = await host.ClientFor(Roles.KioskStaff, BonSecoursHost.ResidenceB).GetAsync($"/api/v1/offerings/{offeringId}");
        var change = await host.ClientFor(Roles.KioskStaff, BonSecoursHost.ResidenceB).PutAsJsonAsync($"/api/v1/offerings/{offeringId}", KioskApi.Offering());

        await read.ProblemAsync(HttpStatusCode.NotFound);
        await change.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdrawn_offering_takes_no_orders()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Ménage", 12.00m, kind: "housekeeping"));
        var resident = await host.AddResidentFileAsync("W1", 1);
        await host.ClientFor(Roles.KioskStaff).PostAsync($"/api/v1/offerings/{offeringId}/withdraw", null);

        var response = await host.ResidentClient(resident).OrderAsync(offeringId, resident.Id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Ce service n'est plus proposé.", problem.Text("detail"));
    }
}
