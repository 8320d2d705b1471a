using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

public sealed class HouseholdsTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private readonly HttpClient _admin = host.ClientFor(Roles.Administrator);

    [Fact]
    public async Task Residents_in_same_flat_share_household()
    {
        var flatId = await _admin.RegisterFlatAsync();
        var first = await _admin.RegisterResidentAsync("Albert", "Duval");
        var second = await _admin.RegisterResidentAsync("Berthe", "Duval");

        var firstMove = await _admin.MoveInAsync(first, flatId, "2025-02-01");
        var secondMove = await _admin.MoveInAsync(second, flatId, "2025-01-15");
        var households = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/households?flatId={flatId}");
        var flat = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/flats/{flatId}");

        Assert.Equal(HttpStatusCode.OK, firstMove.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondMove.StatusCode);
        Assert.Equal(1, households.GetArrayLength());
        var household = households[0];
        Assert.Equal(flat.GetProperty("householdId").GetGuid(), household.GetProperty("id").GetGuid());
        Assert.Equal(flatId, household.GetProperty("flatId").GetGuid());
        Assert.Equal(flat.GetProperty("number").GetString(), household.GetProperty("flatNumber").GetString());
        Assert.Equal(1, household.GetProperty("floor").GetInt32());
        Assert.Equal("2025-01-15", household.GetProperty("formedOn").GetString());
        Assert.Equal(JsonValueKind.Null, household.GetProperty("endedOn").ValueKind);
        Assert.True(household.GetProperty("isCurrent").GetBoolean());
        var members = household.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([first, second], members.Select(member => member.GetProperty("id").GetGuid()));
        Assert.Equal(["Albert", "Berthe"], members.Select(member => member.GetProperty("firstName").GetString()));
        Assert.All(members, member => Assert.Equal("Duval", member.GetProperty("lastName").GetString()));
    }

    [Fact]
    public async Task Household_ends_when_all_move_out()
    {
        var flatId = await _admin.RegisterFlatAsync();
        var first = await _admin.RegisterResidentAsync("Claude", "Fabre");
        var second = await _admin.RegisterResidentAsync("Denise", "Fabre");
        await _admin.MoveInAsync(first, flatId, "2025-01-10");
        await _admin.MoveInAsync(second, flatId, "2025-01-10");
        var householdId = (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/flats/{flatId}")).GetProperty("householdId").GetGuid();

        var firstOut = await _admin.PostAsJsonAsync($"/api/v1/residents/{first}/move-out", new { moveOutDate = "2025-06-01" });
        var afterFirst = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/households/{householdId}");
        var secondOut = await _admin.PostAsJsonAsync($"/api/v1/residents/{second}/move-out", new { moveOutDate = "2025-07-01" });
        var afterSecond = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/households/{householdId}");
        var newcomer = await _admin.RegisterResidentAsync("Émile", "Garnier");
        await _admin.MoveInAsync(newcomer, flatId, "2025-08-01");
        var flatHistory = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/households?flatId={flatId}");

        Assert.Equal(HttpStatusCode.OK, firstOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondOut.StatusCode);
        Assert.Equal([second], afterFirst.GetProperty("members").EnumerateArray().Select(member => member.GetProperty("id").GetGuid()));
        Assert.Equal(JsonValueKind.Null, afterFirst.GetProperty("endedOn").ValueKind);
        Assert.Equal("2025-07-01", afterSecond.GetProperty("endedOn").GetString());
        Assert.False(afterSecond.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(0, afterSecond.GetProperty("members").GetArrayLength());
        Assert.Equal(2, flatHistory.GetArrayLength());
        Assert.Equal(householdId, flatHistory[0].GetProperty("id").GetGuid());
        Assert.NotEqual(householdId, flatHistory[1].GetProperty("id").GetGuid());
        Assert.Equal("2025-08-01", flatHistory[1].GetProperty("formedOn").GetString());
    }

    [Fact]
    public async Task Other_residence_gets_not_found()
    {
        var householdId = await NewHouseholdAsync("Fernand", "Hubert");
        var other = host.ClientFor(Roles.Administrator, BonSecoursHost.ResidenceB);

        var byId = await other.GetAsync($"/api/v1/households/{householdId}");
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/households");

        var problem = await byId.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("household.not-found", problem.Text("code"));
        Assert.DoesNotContain(list.EnumerateArray(), household => household.GetProperty("id").GetGuid() == householdId);
    }

    [Fact]
    public async Task Resident_reads_own_household_only()
    {
        var ownFlat = await _admin.RegisterFlatAsync();
        var residentId = await _admin.RegisterResidentAsync("Gisèle", "Leroy");
        await _admin.MoveInAsync(residentId, ownFlat);
        var ownHousehold = (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/flats/{ownFlat}")).GetProperty("householdId").GetGuid();
        var otherHousehold = await NewHouseholdAsync("Hector", "Moreau");
        var resident = host.ClientFor(Roles.Resident, personId: residentId.ToString());

        var own = await resident.GetAsync($"/api/v1/households/{ownHousehold}");
        var other = await resident.GetAsync($"/api/v1/households/{otherHousehold}");
        var list = await resident.GetAsync("/api/v1/households");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var problem = await other.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("household.access-denied", problem.Text("code"));
        Assert.Equal("Vous n'avez pas accès à ce foyer.", problem.Text("detail"));
        await list.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Consented_caregiver_reads_household()
    {
        var flatId = await _admin.RegisterFlatAsync();
        var residentId = await _admin.RegisterResidentAsync("Irène", "Noël");
        await _admin.MoveInAsync(residentId, flatId);
        var householdId = (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/flats/{flatId}")).GetProperty("householdId").GetGuid();
        var consented = await _admin.RegisterCaregiverAsync();
        var stranger = await _admin.RegisterCaregiverAsync();
        var linked = await _admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId = consented, consentMethod = "signedForm" });

        var allowed = await host.ClientFor(Roles.Caregiver, personId: consented.ToString()).GetAsync($"/api/v1/households/{householdId}");
        var denied = await host.ClientFor(Roles.Caregiver, personId: stranger.ToString()).GetAsync($"/api/v1/households/{householdId}");

        Assert.True(linked.IsSuccessStatusCode, $"status {linked.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await denied.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_household_is_not_found()
    {
        var response = await _admin.GetAsync($"/api/v1/households/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Guid> NewHouseholdAsync(string firstName, string lastName)
    {
        var flatId = await _admin.RegisterFlatAsync();
        var residentId = await _admin.RegisterResidentAsync(firstName, lastName);
        var moved = await _admin.MoveInAsync(residentId, flatId);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/flats/{flatId}")).GetProperty("householdId").GetGuid();
    }
}
