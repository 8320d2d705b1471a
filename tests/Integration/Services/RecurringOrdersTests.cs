using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.RecurringOrders;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

/// <summary>The kiosk clock is set to Monday 2031-06-02 at 10:00 in Paris. Occurrences are generated for the next 7 days.</summary>
public sealed class RecurringOrdersTests(KioskHost host) : IClassFixture<KioskHost>
{
    internal static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    [Fact]
    public async Task Start_generates_each_occurrence_once()
    {
        host.SetParisTime(2031, 6, 2, 10, 0);
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Baguette régulière"));
        var resident = await host.AddResidentFileAsync("R1", 1);

        var recurringId = await StartAsync(host, host.ResidentClient(resident), offeringId, resident.Id);
        await GenerateAgainAsync(host, recurringId);
        var orders = await host.OrdersOfRecurringAsync(recurringId);

        Assert.Equal(
            [new DateOnly(2031, 6, 3), new DateOnly(2031, 6, 4), new DateOnly(2031, 6, 5), new DateOnly(2031, 6, 6), new DateOnly(2031, 6, 9)],
            orders.Select(order => order.Date).Order().ToList());
        Assert.All(orders, order => Assert.Equal(RecurringOrder.OccurrenceOrderId(recurringId, order.Date), order.Id));
    }

    [Fact]
    public async Task Pause_cancels_generated_occurrences()
    {
        host.SetParisTime(2031, 6, 2, 10, 0);
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Journal régulier", 1.30m));
        var resident = await host.AddResidentFileAsync("R2", 1);
        var client = host.ResidentClient(resident);
        var recurringId = await StartAsync(host, client, offeringId, resident.Id);

        var paused = await client.PostAsJsonAsync($"/api/v1/recurring-orders/{recurringId}/pauses", new { from = "2031-06-04", to = "2031-06-05" });
        await GenerateAgainAsync(host, recurringId);
        var orders = await host.OrdersOfRecurringAsync(recurringId);

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(5, orders.Count);
        Assert.Equal([new DateOnly(2031, 6, 4), new DateOnly(2031, 6, 5)],
            orders.Where(order => order.Status == OrderStatus.Cancelled).Select(order => order.Date).Order().ToList());
    }

    [Fact]
    public async Task End_cancels_later_occurrences()
    {
        host.SetParisTime(2031, 6, 2, 10, 0);
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Baguette fin"));
        var resident = await host.AddResidentFileAsync("R3", 1);
        var client = host.ResidentClient(resident);
        var recurringId = await StartAsync(host, client, offeringId, resident.Id);

        var ended = await client.PostAsJsonAsync($"/api/v1/recurring-orders/{recurringId}/end", new { endDate = "2031-06-04" });
        var again = await client.PostAsJsonAsync($"/api/v1/recurring-orders/{recurringId}/end", new { endDate = "2031-06-04" });
        var orders = await host.OrdersOfRecurringAsync(recurringId);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        await again.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([new DateOnly(2031, 6, 3), new DateOnly(2031, 6, 4)],
            orders.Where(order => order.IsOpen).Select(order => order.Date).Order().ToList());
    }

    [Fact]
    public async Task Full_slot_is_recorded_as_skipped()
    {
        host.SetParisTime(2031, 6, 2, 10, 0);
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Repassage régulier", 5.00m, capacity: 1, kind: "ironing"));
        var resident = await host.AddResidentFileAsync("R4", 1);
        var neighbour = await host.AddResidentFileAsync("R5", 1);
        await host.ResidentClient(neighbour).PlaceOrderAsync(offeringId, neighbour.Id, "2031-06-04");

        var recurringId = await StartAsync(host, host.ResidentClient(resident), offeringId, resident.Id);
        var list = await host.ResidentClient(resident).GetFromJsonAsync<JsonElement>("/api/v1/recurring-orders");
        var recurring = list.EnumerateArray().Single(item => item.GetProperty("id").GetGuid() == recurringId);
        var skipped = recurring.GetProperty("skipped").EnumerateArray().Single();
        var orders = await host.OrdersOfRecurringAsync(recurringId);

        Assert.Equal("2031-06-04", skipped.GetProperty("date").GetString());
        Assert.Equal("Il n'y a plus de place sur ce créneau. Choisissez un autre créneau.", skipped.GetProperty("reason").GetString());
        Assert.DoesNotContain(orders, order => order.Date == new DateOnly(2031, 6, 4));
        Assert.Equal(4, orders.Count);
    }

    [Fact]
    public async Task Daily_run_extends_by_one_day()
    {
        host.SetParisTime(2031, 6, 2, 10, 0);
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Baguette quotidienne"));
        var resident = await host.AddResidentFileAsync("R8", 1);
        var recurringId = await StartAsync(host, host.ResidentClient(resident), offeringId, resident.Id);

        host.SetParisTime(2031, 6, 3, 2, 0);
        await RunDailyAsync(new DateOnly(2031, 6, 1));
        var afterStaleRun = await host.OrdersOfRecurringAsync(recurringId);
        await RunDailyAsync(new DateOnly(2031, 6, 3));
        var afterRun = await host.OrdersOfRecurringAsync(recurringId);

        Assert.Equal(5, afterStaleRun.Count);
        Assert.Equal(6, afterRun.Count);
        Assert.Equal(new DateOnly(2031, 6, 10), afterRun.Max(order => order.Date));
    }

    [Fact]
    public async Task Invalid_recurring_orders_are_rejected()
    {
        host.SetParisTime(2031, 6, 2, 10, 0);
        var offeringId = await host.AddOfferingAsync(KioskApi.Offering("Baguette invalide"));
        var resident = await host.AddResidentFileAsync("R6", 1);
        var neighbour = await host.AddResidentFileAsync("R7", 1);
        var client = host.ResidentClient(resident);

        var noDays = await client.PostAsJsonAsync("/api/v1/recurring-orders", new { offeringId, residentId = resident.Id, daysOfWeek = Array.Empty<string>(), slot = "07:30", startDate = "2031-06-03" });
        var endBeforeStart = await client.PostAsJsonAsync("/api/v1/recurring-orders", new { offeringId, residentId = resident.Id, daysOfWeek = Weekdays, slot = "07:30", startDate = "2031-06-03", endDate = "2031-06-01" });
        var sunday = await client.PostAsJsonAsync("/api/v1/recurring-orders", new { offeringId, residentId = resident.Id, daysOfWeek = new[] { "sunday" }, slot = "07:30", startDate = "2031-06-03" });
        var forNeighbour = await client.PostAsJsonAsync("/api/v1/recurring-orders", new { offeringId, residentId = neighbour.Id, daysOfWeek = Weekdays, slot = "07:30", startDate = "2031-06-03" });
        var badPause = await client.PostAsJsonAsync($"/api/v1/recurring-orders/{Guid.NewGuid()}/pauses", new { from = "2031-06-05", to = "2031-06-04" });
        var unknown = await client.PostAsJsonAsync($"/api/v1/recurring-orders/{Guid.NewGuid()}/pauses", new { from = "2031-06-04", to = "2031-06-05" });

        await noDays.ProblemAsync(HttpStatusCode.BadRequest);
        await endBeforeStart.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Ce service n'est pas proposé le dimanche.", (await sunday.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
        await forNeighbour.ProblemAsync(HttpStatusCode.Forbidden);
        await badPause.ProblemAsync(HttpStatusCode.BadRequest);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
    }

    private Task RunDailyAsync(DateOnly forDate) =>
        host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(context =>
                context.PublishAsync(new GenerateDailyOccurrences(forDate), new DeliveryOptions { TenantId = BonSecoursHost.ResidenceA }).AsTask()));

    internal static async Task<Guid> StartAsync(BonSecoursHost host, HttpClient client, Guid offeringId, Guid residentId)
    {
        HttpResponseMessage? response = null;
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            {
                response = await client.PostAsJsonAsync("/api/v1/recurring-orders",
                    new { offeringId, residentId, daysOfWeek = Weekdays, slot = "07:30", quantity = 1, startDate = "2031-06-03" });
            }));
        Assert.Equal(HttpStatusCode.Created, response!.StatusCode);
        return await response.IdAsync();
    }

    /// <summary>Runs the generation of one recurring order again, as the daily run or a retry would.</summary>
    internal static Task GenerateAgainAsync(BonSecoursHost host, Guid recurringId) =>
        host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(context =>
                context.PublishAsync(new GenerateRecurringOccurrences(recurringId), new DeliveryOptions { TenantId = BonSecoursHost.ResidenceA }).AsTask()));
}

public sealed class RecurringOrdersRestartTests
{
    [Fact]
    public async Task Restart_generates_no_second_occurrence()
    {
        var first = new KioskHost();
        await first.InitializeAsync();
        first.SetParisTime(2031, 6, 2, 10, 0);
        var offeringId = await first.AddOfferingAsync(KioskApi.Offering("Baguette redémarrage"));
        var resident = await first.AddResidentFileAsync("RR1", 1);
        var recurringId = await RecurringOrdersTests.StartAsync(first, first.ResidentClient(resident), offeringId, resident.Id);
        var before = await first.OrdersOfRecurringAsync(recurringId);
        await first.DisposeAsync();

        var second = new KioskHost { ExistingConnectionString = first.ConnectionString };
        await second.InitializeAsync();
        try
        {
            second.SetParisTime(2031, 6, 3, 3, 0);
            await RecurringOrdersTests.GenerateAgainAsync(second, recurringId);
            var after = await second.OrdersOfRecurringAsync(recurringId);

            Assert.Equal(5, before.Count);
            Assert.Equal(before.Select(order => order.Id).Order(), after.Where(order => order.Date <= new DateOnly(2031, 6, 9)).Select(order => order.Id).Order());
            Assert.Equal(after.Count, after.Select(order => order.Date).Distinct().Count());
            Assert.Equal(new DateOnly(2031, 6, 10), after.Max(order => order.Date));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
