using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.Residents;
using BonSecours.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

/// <summary>Shortcuts for the agenda endpoints, so tests read as steps.</summary>
internal static class AgendaApi
{
    public static object Weekly(string title = "Atelier tablette", string start = "2027-03-16T14:00:00", string end = "2027-03-16T15:30:00",
        int capacity = 8, string[]? days = null, int? count = null, string? until = null) => new
    {
        title,
        easyReadDescription = "On apprend la tablette ensemble.",
        place = "Salle commune",
        start,
        end,
        capacity,
        audience = "everyone",
        recurrence = new { frequency = "weekly", days = days ?? ["tuesday"], count, until },
    };

    public static object Single(string title = "Loto", string start = "2027-05-04T15:00:00", int capacity = 12, string description = "On joue au loto.") => new
    {
        title,
        easyReadDescription = description,
        place = "Salle commune",
        start,
        end = start.Replace("T15:", "T17:"),
        capacity,
        audience = "seniors",
    };

    public static async Task<Guid> PublishAsync(this HttpClient coordinator, object activity)
    {
        var response = await coordinator.PostAsJsonAsync("/api/v1/activities", activity);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<List<JsonElement>> OccurrencesAsync(this HttpClient client, Guid activityId, string from, string to)
    {
        var all = await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/activities?from={from}&to={to}");
        return all!.Where(occurrence => occurrence.GetProperty("activityId").GetGuid() == activityId).ToList();
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, Guid activityId, string start, Guid? residentId = null) =>
        client.PostAsJsonAsync($"/api/v1/activities/{activityId}/occurrences/{start}/registrations", new { residentId });

    public static async Task<JsonElement> RosterAsync(this HttpClient staff, Guid activityId, string start) =>
        await staff.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activityId}/occurrences/{start}/registrations");

    public static List<Guid> Ids(this JsonElement roster, string property) =>
        [.. roster.GetProperty(property).EnumerateArray().Select(item => item.GetGuid())];

    public static HttpClient Coordinator(this BonSecoursHost host, string residence = BonSecoursHost.ResidenceA) =>
        host.ClientFor(Roles.ActivityCoordinator, residence);

    public static HttpClient Resident(this BonSecoursHost host, Guid residentId, string residence = BonSecoursHost.ResidenceA) =>
        host.ClientFor(Roles.Resident, residence, residentId.ToString());

    /// <summary>Stores a community file directly, standing in for a resident who moved in through the Residents module.</summary>
    public static async Task<Guid> AddLivingResidentAsync(this BonSecoursHost host, string residence = BonSecoursHost.ResidenceA, params Guid[] consentedCaregivers)
    {
        var residentId = Guid.NewGuid();
        await using var session = host.Services.GetRequiredService<ICommunityLifeStore>().LightweightSession(residence);
        session.Store(new ResidentCommunityFile { Id = residentId, LivesHere = true, FlatNumber = "A101", Floor = 1, ConsentedCaregiverIds = [.. consentedCaregivers] });
        await session.SaveChangesAsync();
        return residentId;
    }
}
