using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

public sealed class OrdersTests(KioskHost host) : IClassFixture<KioskHost>
{
    // A Wednesday far enough ahead that no cut-off has passed on the real clock.
    private const string ServiceDate = "2031-01-15";

    [Fact]
    public async Task Order_goes_from_placed_to_delivered()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync("A1", 1);
        var kiosk = host.ClientFor(Roles.KioskStaff);

        var orderId = await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, ServiceDate, quantity: 2);
        var confirmed = await kiosk.PostAsync($"/api/v1/orders/{orderId}/confirm", null);
        var delivered = await kiosk.PostAsync($"/api/v1/orders/{orderId}/deliver", null);
        var order = await host.ResidentClient(resident).GetOrderAsync(orderId);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("delivered", order.GetProperty("status").GetString());
        Assert.Equal(2.20m, order.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Kiosk_declines_with_reason()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync("A2", 1);
        var orderId = await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, ServiceDate);
        var kiosk = host.ClientFor(Roles.KioskStaff);

        var withoutReason = await kiosk.PostAsJsonAsync($"/api/v1/orders/{orderId}/decline", new { reason = "" });
        var declined = await kiosk.PostAsJsonAsync($"/api/v1/orders/{orderId}/decline", new { reason = "La boulangerie est fermée." });
        var order = await kiosk.GetOrderAsync(orderId);

        await withoutReason.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", order.GetProperty("status").GetString());
        Assert.Equal("La boulangerie est fermée.", order.GetProperty("declineReason").GetString());
    }

    [Fact]
    public async Task Resident_cannot_order_for_another_resident()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync("A3", 1);
        var neighbour = await host.AddResidentFileAsync("A4", 1);

        var response = await host.ResidentClient(resident).OrderAsync(offeringId, neighbour.Id, ServiceDate);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Vous ne pouvez pas commander pour cette personne.", problem.Text("detail"));
    }

    [Fact]
    public async Task Caregiver_orders_only_with_consent()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var caregiverId = Guid.NewGuid();
        var consenting = await host.AddResidentFileAsync("A5", 1, caregivers: [caregiverId]);
        var other = await host.AddResidentFileAsync("A6", 1);
        var caregiver = host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString());

        var allowed = await caregiver.OrderAsync(offeringId, consenting.Id, ServiceDate);
        var refused = await caregiver.OrderAsync(offeringId, other.Id, ServiceDate);
        var listed = await caregiver.GetFromJsonAsync<JsonElement>($"/api/v1/orders?residentId={consenting.Id}");
        var otherList = await caregiver.GetAsync($"/api/v1/orders?residentId={other.Id}");

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        await refused.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single(listed.EnumerateArray());
        await otherList.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Coordinator_cannot_confirm_or_list()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync("A7", 1);
        var orderId = await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, ServiceDate);
        var coordinator = host.ClientFor(Roles.ActivityCoordinator);

        var confirm = await coordinator.PostAsync($"/api/v1/orders/{orderId}/confirm", null);
        var deliver = await coordinator.PostAsync($"/api/v1/orders/{orderId}/deliver", null);
        var list = await coordinator.GetAsync("/api/v1/orders");

        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deliver.StatusCode);
        await list.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Resident_lists_only_own_orders()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync("A8", 1);
        var neighbour = await host.AddResidentFileAsync("A9", 1);
        await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, ServiceDate);
        await host.ResidentClient(neighbour).PlaceOrderAsync(offeringId, neighbour.Id, ServiceDate);

        var own = await host.ResidentClient(resident).GetFromJsonAsync<JsonElement>("/api/v1/orders");
        var other = await host.ResidentClient(resident).GetAsync($"/api/v1/orders?residentId={neighbour.Id}");
        var all = await host.ClientFor(Roles.KioskStaff).GetFromJsonAsync<JsonElement>($"/api/v1/orders?date={ServiceDate}&status=placed");
        var badStatus = await host.ClientFor(Roles.KioskStaff).GetAsync("/api/v1/orders?status=lost");

        Assert.All(own.EnumerateArray(), order => Assert.Equal(resident.Id, order.GetProperty("residentId").GetGuid()));
        await other.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(all.EnumerateArray(), order => order.GetProperty("residentId").GetGuid() == neighbour.Id);
        Assert.StartsWith("Le statut est", (await badStatus.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task Order_of_other_residence_is_not_found()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync("A10", 1);
        var orderId = await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, ServiceDate);
        var kioskB = host.ClientFor(Roles.KioskStaff, BonSecoursHost.ResidenceB);

        await (await kioskB.GetAsync($"/api/v1/orders/{orderId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await kioskB.PostAsync($"/api/v1/orders/{orderId}/confirm", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await kioskB.OrderAsync(offeringId, resident.Id, ServiceDate)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_orders_are_french_400s()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync("A11", 1);
        var client = host.ResidentClient(resident);

        var noDate = await client.PostAsJsonAsync("/api/v1/orders", new { offeringId, residentId = resident.Id, slotStart = "07:30" });
        var badSlot = await client.PostAsJsonAsync("/api/v1/orders", new { offeringId, residentId = resident.Id, date = ServiceDate, slotStart = "7h30" });
        var zero = await client.PostAsJsonAsync("/api/v1/orders", new { offeringId, residentId = resident.Id, date = ServiceDate, slotStart = "07:30", quantity = 0 });
        var badDate = await client.PostRawAsync("/api/v1/orders", $$"""{"offeringId":"{{offeringId}}","residentId":"{{resident.Id}}","date":"15/01/2031","slotStart":"07:30"}""");
        var sunday = await client.OrderAsync(offeringId, resident.Id, "2031-01-19");
        var otherSlot = await client.OrderAsync(offeringId, resident.Id, ServiceDate, "09:00");

        Assert.True((await noDate.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("date", out _));
        Assert.Contains("07:30", (await badSlot.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("slotStart")[0].GetString());
        Assert.True((await zero.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("quantity", out _));
        await badDate.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Ce service n'est pas proposé ce jour-là.", (await sunday.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
        Assert.StartsWith("Il n'y a pas de créneau à 09:00.", (await otherSlot.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
    }

    [Fact]
    public async Task Change_moves_order_to_other_slot()
    {
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering(capacity: 1));
        var resident = await host.AddResidentFileAsync("A12", 1);
        var neighbour = await host.AddResidentFileAsync("A13", 1);
        var orderId = await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, ServiceDate);

        var moved = await host.ResidentClient(resident).PutAsJsonAsync($"/api/v1/orders/{orderId}", new { date = "2031-01-16", slotStart = "07:30", quantity = 3 });
        var freedPlace = await host.ResidentClient(neighbour).OrderAsync(offeringId, neighbour.Id, ServiceDate);
        var order = await host.ResidentClient(resident).GetOrderAsync(orderId);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Created, freedPlace.StatusCode);
        Assert.Equal("2031-01-16", order.GetProperty("date").GetString());
        Assert.Equal(3, order.GetProperty("quantity").GetInt32());
    }
}
