using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using BonSecours.Modules.Services.Residents;
using BonSecours.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BonSecours.Tests.Integration.Services;

/// <summary>A host whose kiosk clock a test can set to any Paris date and time; tokens and Wolverine keep real time.</summary>
public class KioskHost : BonSecoursHost
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new KioskClock(Clock)));
    }

    /// <summary>Sets the kiosk clock to a Paris wall-clock time.</summary>
    public void SetParisTime(int year, int month, int day, int hour, int minute) =>
        Clock.Now = KioskCalendar.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}

/// <summary>The system clock, or a fixed instant once a test sets one.</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();
}

/// <summary>A resident's kiosk file, written straight into the Services store.</summary>
internal sealed record KioskResident(Guid Id, Guid HouseholdId, string FlatNumber, int Floor);

/// <summary>Shortcuts for the kiosk endpoints, so tests read as steps.</summary>
internal static class KioskApi
{
    public static readonly string[] MondayToSaturday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public static object Offering(string name = "Baguette", decimal price = 1.10m, int capacity = 40, string[]? days = null,
        int daysBefore = 1, string at = "18:00", string kind = "breadAndNewspaperDropOff") => new
        {
            kind,
            name,
            description = "Une baguette déposée à votre porte.",
            pictogram = "pain",
            price,
            days = days ?? MondayToSaturday,
            slots = new[] { new { start = "07:30", end = "08:30" } },
            capacityPerSlot = capacity,
            cutOff = new { daysBefore, at },
        };

    public static async Task<Guid> AddOfferingAsync(this BonSecoursHost host, object offering, string residence = BonSecoursHost.ResidenceA)
    {
        var response = await host.ClientFor(Roles.KioskStaff, residence).PostAsJsonAsync("/api/v1/offerings", offering);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.IdAsync();
    }

    /// <summary>Writes a kiosk file as the Residents module's messages would, so tests need not move people in.</summary>
    public static async Task<KioskResident> AddResidentFileAsync(this BonSecoursHost host, string flatNumber, int floor,
        Guid? householdId = null, Guid[]? caregivers = null, string residence = BonSecoursHost.ResidenceA)
    {
        var resident = new KioskResident(Guid.NewGuid(), householdId ?? Guid.NewGuid(), flatNumber, floor);
        await using var session = host.Services.GetRequiredService<IServicesStore>().LightweightSession(residence);
        session.Store(new ResidentServiceFile
        {
            Id = resident.Id,
            LivesHere = true,
            FlatId = Guid.NewGuid(),
            FlatNumber = flatNumber,
            Floor = floor,
            HouseholdId = resident.HouseholdId,
            ConsentedCaregiverIds = [.. caregivers ?? []],
        });
        await session.SaveChangesAsync();
        return resident;
    }

    public static HttpClient ResidentClient(this BonSecoursHost host, KioskResident resident, string residence = BonSecoursHost.ResidenceA) =>
        host.ClientFor(Roles.Resident, residence, resident.Id.ToString());

    public static Task<HttpResponseMessage> OrderAsync(this HttpClient client, Guid offeringId, Guid residentId, string date, string slotStart = "07:30", int quantity = 1) =>
        client.PostAsJsonAsync("/api/v1/orders", new { offeringId, residentId, date, slotStart, quantity });

    public static async Task<Guid> IdAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    public static async Task<Guid> PlaceOrderAsync(this HttpClient client, Guid offeringId, Guid residentId, string date, string slotStart = "07:30", int quantity = 1)
    {
        var response = await client.OrderAsync(offeringId, residentId, date, slotStart, quantity);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.IdAsync();
    }

    public static async Task<JsonElement> GetOrderAsync(this HttpClient client, Guid orderId)
    {
        var response = await client.GetAsync($"/api/v1/orders/{orderId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<ServiceOrder>> OrdersOfRecurringAsync(this BonSecoursHost host, Guid recurringOrderId, string residence = BonSecoursHost.ResidenceA)
    {
        await using var session = host.Services.GetRequiredService<IServicesStore>().QuerySession(residence);
        return [.. await session.Query<ServiceOrder>().Where(order => order.RecurringOrderId == recurringOrderId).ToListAsync()];
    }
}
