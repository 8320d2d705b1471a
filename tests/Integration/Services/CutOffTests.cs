using System.Net;
using System.Net.Http.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

/// <summary>
/// Bread is ordered before 18:00 the day before, Paris time. Both daylight-saving Sundays are
/// the day before a Monday delivery: 2027-03-28 (UTC+1 to UTC+2) and 2026-10-25 (UTC+2 to UTC+1).
/// </summary>
public sealed class CutOffTests(KioskHost host) : IClassFixture<KioskHost>
{
    private const string TooLateToChange = "C'est trop tard pour changer cette commande. La commande se fait avant 18 h la veille.";

    [Theory]
    [InlineData(2027, 3, 28, "2027-03-29")]
    [InlineData(2026, 10, 25, "2026-10-26")]
    public async Task Change_allowed_until_18h_the_day_before(int year, int month, int day, string monday)
    {
        var (offeringId, resident) = await SetUpAsync($"C{month}");
        host.SetParisTime(year, month, day, 9, 0);
        var orderId = await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, monday);
        var client = host.ResidentClient(resident);

        host.SetParisTime(year, month, day, 17, 59);
        var before = await client.PutAsJsonAsync($"/api/v1/orders/{orderId}", new { date = monday, slotStart = "07:30", quantity = 2 });
        host.SetParisTime(year, month, day, 18, 1);
        var after = await client.PutAsJsonAsync($"/api/v1/orders/{orderId}", new { date = monday, slotStart = "07:30", quantity = 3 });
        var cancelAfter = await client.PostAsync($"/api/v1/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(TooLateToChange, (await after.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
        Assert.Equal(TooLateToChange, (await cancelAfter.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
    }

    [Theory]
    [InlineData(2027, 3, 28, "2027-03-29")]
    [InlineData(2026, 10, 25, "2026-10-26")]
    public async Task New_order_closes_at_18h_paris_time(int year, int month, int day, string monday)
    {
        var (offeringId, resident) = await SetUpAsync($"N{month}");
        var client = host.ResidentClient(resident);

        host.SetParisTime(year, month, day, 17, 59);
        var before = await client.OrderAsync(offeringId, resident.Id, monday);
        host.SetParisTime(year, month, day, 18, 1);
        var after = await client.OrderAsync(offeringId, resident.Id, monday);

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.StartsWith("C'est trop tard pour commander pour ce jour.", (await after.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
    }

    [Fact]
    public async Task Cut_off_uses_paris_offset_not_utc()
    {
        // 17:30 in Paris on 2026-10-25 is 16:30 UTC; a clock that kept summer time would call it 18:30.
        var (offeringId, resident) = await SetUpAsync("UTC");
        host.Clock.Now = new DateTimeOffset(2026, 10, 25, 16, 30, 0, TimeSpan.Zero);

        var response = await host.ResidentClient(resident).OrderAsync(offeringId, resident.Id, "2026-10-26");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Midnight_cut_off_closes_at_midnight()
    {
        // Orders for Wednesday 2027-01-13 close at midnight starting Tuesday.
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Journal", 1.30m, daysBefore: 1, at: "00:00"));
        var resident = await host.AddResidentFileAsync("M1", 1);
        var client = host.ResidentClient(resident);

        host.SetParisTime(2027, 1, 11, 23, 59);
        var before = await client.OrderAsync(offeringId, resident.Id, "2027-01-13");
        host.SetParisTime(2027, 1, 12, 0, 0);
        var atMidnight = await client.OrderAsync(offeringId, resident.Id, "2027-01-13");

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Contains("avant minuit, l'avant-veille", (await atMidnight.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
    }

    [Fact]
    public async Task Kiosk_staff_may_cancel_after_cut_off()
    {
        var (offeringId, resident) = await SetUpAsync("K1");
        host.SetParisTime(2027, 3, 28, 9, 0);
        var orderId = await host.ResidentClient(resident).PlaceOrderAsync(offeringId, resident.Id, "2027-03-29");

        host.SetParisTime(2027, 3, 28, 20, 0);
        var cancelled = await host.ClientFor(Roles.KioskStaff).PostAsync($"/api/v1/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Fact]
    public async Task Past_date_cannot_be_ordered()
    {
        var (offeringId, resident) = await SetUpAsync("P1");
        host.SetParisTime(2027, 3, 30, 9, 0);

        var response = await host.ClientFor(Roles.KioskStaff).OrderAsync(offeringId, resident.Id, "2027-03-29");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    private async Task<(Guid OfferingId, KioskResident Resident)> SetUpAsync(string flat)
    {
        host.Clock.Now = null;
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering());
        var resident = await host.AddResidentFileAsync(flat, 2);
        return (offeringId, resident);
    }
}
