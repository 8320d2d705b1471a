using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Contracts;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

public sealed class ResidentAccessTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private readonly HttpClient _admin = host.ClientFor(Roles.Administrator);

    [Fact]
    public async Task Other_residence_sees_nothing()
    {
        var residentId = await _admin.RegisterResidentAsync("Odile", "Séparée");
        var flatId = await _admin.RegisterFlatAsync();
        var caregiverId = await _admin.RegisterCaregiverAsync();
        var other = host.ClientFor(Roles.Administrator, BonSecoursHost.ResidenceB);

        var directory = await other.GetFromJsonAsync<JsonElement>("/api/v1/residents?search=separee");
        var caregivers = await other.GetFromJsonAsync<JsonElement>("/api/v1/caregivers");

        Assert.Equal(0, directory.GetProperty("total").GetInt32());
        Assert.DoesNotContain(caregivers.EnumerateArray(), item => item.GetProperty("id").GetGuid() == caregiverId);
        await (await other.GetAsync($"/api/v1/residents/{residentId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/residents/{residentId}/history")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/flats/{flatId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutPreferencesAsync(residentId, "large")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/residents/{residentId}/move-out", new { moveOutDate = "2025-01-01" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/v1/flats/{flatId}", new { floor = 9, rooms = 9, stepFreeAccess = false })).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Other_residence_cannot_use_local_ids()
    {
        var other = host.ClientFor(Roles.Administrator, BonSecoursHost.ResidenceB);
        var residentB = await other.RegisterResidentAsync("Bruno", "Autre");
        var flatA = await _admin.RegisterFlatAsync();
        var caregiverA = await _admin.RegisterCaregiverAsync();

        var moveIn = await other.MoveInAsync(residentB, flatA);
        var link = await other.PostAsJsonAsync($"/api/v1/residents/{residentB}/caregivers", new { caregiverId = caregiverA, consentMethod = "signedForm" });

        await moveIn.ProblemAsync(HttpStatusCode.NotFound);
        await link.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Resident_reads_own_profile_only()
    {
        var own = await _admin.RegisterResidentAsync("Lucas", "Petit", "youngAdultWithDownSyndrome");
        var other = await _admin.RegisterResidentAsync("Marie", "Grand");
        var resident = host.ClientFor(Roles.Resident, personId: own.ToString());

        var me = await resident.GetAsync("/api/v1/residents/me");
        var byId = await resident.GetAsync($"/api/v1/residents/{own}");
        var someoneElse = await resident.GetAsync($"/api/v1/residents/{other}");
        var directory = await resident.GetAsync("/api/v1/residents");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(own, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        await someoneElse.ProblemAsync(HttpStatusCode.Forbidden);
        await directory.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Resident_changes_own_preferences()
    {
        var own = await _admin.RegisterResidentAsync();
        var resident = host.ClientFor(Roles.Resident, personId: own.ToString());

        var response = await resident.PutPreferencesAsync(own, "extraLarge");
        var me = await resident.GetFromJsonAsync<JsonElement>("/api/v1/residents/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("extraLarge", me.GetProperty("preferences").GetProperty("textSize").GetString());
    }

    [Fact]
    public async Task Caregiver_access_follows_consent()
    {
        var residentId = await _admin.RegisterResidentAsync();
        var caregiverId = await _admin.RegisterCaregiverAsync();
        var caregiver = host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString());

        var beforeConsent = await caregiver.GetAsync($"/api/v1/residents/{residentId}");
        var link = await _admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" });
        var withConsent = await caregiver.GetAsync($"/api/v1/residents/{residentId}");
        var withdraw = await _admin.DeleteAsync($"/api/v1/residents/{residentId}/caregivers/{caregiverId}");
        var afterWithdrawal = await caregiver.GetAsync($"/api/v1/residents/{residentId}");
        var withdrawAgain = await _admin.DeleteAsync($"/api/v1/residents/{residentId}/caregivers/{caregiverId}");

        await beforeConsent.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withConsent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        await afterWithdrawal.ProblemAsync(HttpStatusCode.Forbidden);
        await withdrawAgain.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Caregiver_cannot_withdraw_consent()
    {
        var residentId = await _admin.RegisterResidentAsync();
        var caregiverId = await _admin.RegisterCaregiverAsync();
        await _admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" });

        var response = await host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString()).DeleteAsync($"/api/v1/residents/{residentId}/caregivers/{caregiverId}");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Names_keep_their_spelling()
    {
        var decomposed = "He\u0301le\u0300ne";
        var id = await _admin.RegisterResidentAsync(decomposed, "D’Hondt-Lefèvre");

        var resident = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}");

        Assert.Equal("Hélène", resident.GetProperty("firstName").GetString());
        Assert.Equal("D’Hondt-Lefèvre", resident.GetProperty("lastName").GetString());
    }

    [Theory]
    [InlineData("lefevre")]
    [InlineData("LEFÈVRE")]
    [InlineData("d'hondt")]
    [InlineData("helene")]
    public async Task Directory_search_ignores_accents(string search)
    {
        var id = await _admin.RegisterResidentAsync("He\u0301le\u0300ne", "D’Hondt-Lefèvre");

        var page = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents?search={Uri.EscapeDataString(search)}");

        Assert.Contains(page.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task History_records_metadata()
    {
        var id = await _admin.RegisterResidentAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/residents/{id}/preferences")
        {
            Content = JsonContent.Create(new { textSize = "large", highContrast = false, easyRead = true, readAloud = true }),
        };
        request.Headers.Add("X-Correlation-Id", "test-correlation-42");
        Assert.Equal(HttpStatusCode.OK, (await _admin.SendAsync(request)).StatusCode);

        var history = await host.ClientFor(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}/history");

        var change = history.EnumerateArray().Last();
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("admin-user", change.GetProperty("userId").GetString());
        Assert.Equal(Roles.Administrator, change.GetProperty("role").GetString());
        Assert.Equal("ChangeAccessibilityPreferences", change.GetProperty("request").GetString());
        Assert.Equal("Residents", change.GetProperty("module").GetString());
        Assert.Equal(BonSecoursHost.ResidenceA, change.GetProperty("residence").GetString());
        Assert.Equal("test-correlation-42", change.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task History_is_403_for_coordinator()
    {
        var id = await _admin.RegisterResidentAsync();

        var response = await host.ClientFor(Roles.ActivityCoordinator).GetAsync($"/api/v1/residents/{id}/history");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Move_in_publishes_message()
    {
        var residentId = await _admin.RegisterResidentAsync();
        var flatId = await _admin.RegisterFlatAsync("PUB1");
        HttpResponseMessage? response = null;

        var tracked = await host.Services.TrackActivity()
            .Timeout(TimeSpan.FromSeconds(30))
            .IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => response = await _admin.MoveInAsync(residentId, flatId, "2025-04-01")));

        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        var published = tracked.Sent.MessagesOf<ResidentMovedIn>()
            .Concat(tracked.NoRoutes.MessagesOf<ResidentMovedIn>())
            .Distinct()
            .ToList();
        var message = Assert.Single(published);
        Assert.Equal(residentId, message.ResidentId);
        Assert.Equal(flatId, message.FlatId);
        Assert.Equal("PUB1", message.FlatNumber);
        Assert.Equal(new DateOnly(2025, 4, 1), message.MoveInDate);
    }
}
