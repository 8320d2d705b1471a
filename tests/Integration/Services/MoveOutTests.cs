using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

public sealed class MoveOutTests(KioskHost host) : IClassFixture<KioskHost>
{
    [Fact]
    public async Task Moving_out_cancels_future_orders()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var flat = await admin.PostAsJsonAsync("/api/v1/flats", new { number = "E31", floor = 3, rooms = 2, stepFreeAccess = true });
        var flatId = await flat.IdAsync();
        var residentId = await admin.RegisterResidentAsync("Lucas", "Bernard", "youngAdultWithDownSyndrome");
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => admin.MoveInAsync(residentId, flatId)));
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Baguette départ"));
        var resident = host.ClientFor(Roles.Resident, personId: residentId.ToString());
        var orderId = await resident.PlaceOrderAsync(offeringId, residentId, "2031-01-15");
        var recurring = await resident.PostAsJsonAsync("/api/v1/recurring-orders",
            new { offeringId, residentId, daysOfWeek = new[] { "monday" }, slot = "07:30", startDate = "2031-01-06" });
        Assert.Equal(HttpStatusCode.Created, recurring.StatusCode);

        var moveOutDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/move-out", new { moveOutDate })).StatusCode)));
        var kiosk = host.ClientFor(Roles.KioskStaff);
        var order = await kiosk.GetOrderAsync(orderId);
        var recurringOrders = await kiosk.GetFromJsonAsync<JsonElement>("/api/v1/recurring-orders");
        var again = await kiosk.OrderAsync(offeringId, residentId, "2031-01-16");

        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        Assert.True(recurringOrders.EnumerateArray().Single(item => item.GetProperty("residentId").GetGuid() == residentId).GetProperty("ended").GetBoolean());
        await again.ProblemAsync(HttpStatusCode.NotFound);
    }
}
