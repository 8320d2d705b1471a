using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

/// <summary>Shortcuts for the messaging endpoints, so tests read as steps.</summary>
internal static class MessagingApi
{
    /// <summary>Registers a resident, moves them in, and waits until CommunityLife has their file.</summary>
    public static async Task<Guid> ResidentLivingHereAsync(this BonSecoursHost host)
    {
        var admin = host.ClientFor(Roles.Administrator);
        var residentId = await admin.RegisterResidentAsync();
        var flatId = await admin.RegisterFlatAsync();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => admin.MoveInAsync(residentId, flatId)));
        return residentId;
    }

    public static HttpClient Resident(this BonSecoursHost host, Guid residentId) =>
        host.ClientFor(Roles.Resident, BonSecoursHost.ResidenceA, residentId.ToString());

    public static async Task<Guid> StartWithResidentAsync(this HttpClient client, Guid otherResidentId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/conversations", new { participant = new { kind = "resident", id = otherResidentId } });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"start returned {response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PostTextAsync(this HttpClient client, Guid conversationId, string text) =>
        client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text });

    public static async Task<JsonElement> PostTextOkAsync(this HttpClient client, Guid conversationId, string text)
    {
        var response = await client.PostTextAsync(conversationId, text);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ConversationAsync(this HttpClient client, Guid conversationId)
    {
        var list = await client.GetJsonAsync("/api/v1/conversations");
        return list.EnumerateArray().Single(item => item.GetProperty("id").GetGuid() == conversationId);
    }
}
