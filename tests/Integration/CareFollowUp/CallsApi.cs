using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Residents;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

/// <summary>Steps shared by the priority-call tests: a resident in a flat, their helpers, the rota and settings.</summary>
internal static class CallsApi
{
    public static async Task<Guid> ResidentLivingHereAsync(BonSecoursHost host, string residence = BonSecoursHost.ResidenceA, int helpers = 0)
    {
        var admin = host.ClientFor(Roles.Administrator, residence);
        var residentId = await admin.RegisterResidentAsync();
        var flatId = await admin.RegisterFlatAsync();
        var caregivers = new List<Guid>();
        for (var index = 0; index < helpers; index++)
        {
            caregivers.Add(await admin.RegisterCaregiverAsync());
        }

        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.MoveInAsync(residentId, flatId)).StatusCode);
                foreach (var caregiverId in caregivers)
                {
                    Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" })).StatusCode);
                }
            }));
        return residentId;
    }

    public static async Task<List<Guid>> CaregiversOfAsync(BonSecoursHost host, Guid residentId, string residence = BonSecoursHost.ResidenceA)
    {
        await using var session = host.Services.GetRequiredService<ICareFollowUpStore>().QuerySession(residence);
        var file = await session.LoadAsync<ResidentCareFile>(residentId);
        return file!.ConsentedCaregiverIds;
    }

    public static async Task SetDeadlineAsync(BonSecoursHost host, int seconds, string residence = BonSecoursHost.ResidenceA)
    {
        var response = await host.ClientFor(Roles.Administrator, residence).PutAsJsonAsync("/api/v1/care-settings", new
        {
            acknowledgementDeadlineSeconds = seconds,
            escalationChain = new[] { "onDutyStaff", "firstHelper", "secondHelper", "firstHelper", "secondHelper", "onCallManager" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Puts <paramref name="userId"/> on site from an hour ago to an hour from now (Paris local times).</summary>
    public static async Task PutOnDutyAsync(BonSecoursHost host, string userId, DateTimeOffset now, string residence = BonSecoursHost.ResidenceA)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = TimeZoneInfo.ConvertTime(now, paris).DateTime;
        var response = await host.ClientFor(Roles.CareStaff, residence).PostAsJsonAsync("/api/v1/on-call-rota", new
        {
            userId,
            role = "care-staff",
            kind = "onSite",
            startsAt = local.AddHours(-1).ToString("s"),
            endsAt = local.AddHours(1).ToString("s"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static HttpClient Staff(BonSecoursHost host, string userId, string role = Roles.CareStaff, string residence = BonSecoursHost.ResidenceA)
    {
        var client = host.CreateClient();
        return client.WithToken(TestTokens.For(role, residence, null, userId));
    }

    public static HttpClient Resident(BonSecoursHost host, Guid residentId, string residence = BonSecoursHost.ResidenceA) =>
        host.ClientFor(Roles.Resident, residence, residentId.ToString());

    public static async Task<JsonElement> RaiseAsync(HttpClient client, object? body = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = body is null
            ? await client.PostAsync("/api/v1/priority-calls", null)
            : await client.PostAsJsonAsync("/api/v1/priority-calls", body);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetCallAsync(HttpClient client, Guid callId)
    {
        var response = await client.GetAsync($"/api/v1/priority-calls/{callId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the call until <paramref name="done"/> holds, for at most <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> WaitForCallAsync(HttpClient client, Guid callId, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var call = await GetCallAsync(client, callId);
        while (!done(call) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            call = await GetCallAsync(client, callId);
        }

        return call;
    }
}
