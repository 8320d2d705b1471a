using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

public sealed class CaregiverResidentsTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private const string Path = "/api/v1/caregivers/me/residents";

    private readonly HttpClient _admin = host.ClientFor(Roles.Administrator);

    [Fact]
    public async Task Lists_consented_residents_only()
    {
        var caregiverId = await _admin.RegisterCaregiverAsync();
        var zoe = await _admin.RegisterResidentAsync("Zoé", "Vasseur");
        var andre = await _admin.RegisterResidentAsync("André", "Bécourt");
        var stranger = await _admin.RegisterResidentAsync("Marc", "Inconnu");
        var flatId = await _admin.RegisterFlatAsync("C-204");
        Assert.Equal(HttpStatusCode.OK, (await _admin.MoveInAsync(zoe, flatId)).StatusCode);
        await LinkAsync(zoe, caregiverId);
        await LinkAsync(andre, caregiverId);
        var caregiver = host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString());

        var residents = await caregiver.GetFromJsonAsync<JsonElement>(Path);

        var items = residents.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal([andre, zoe], items.Select(item => item.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(items, item => item.GetProperty("id").GetGuid() == stranger);
        Assert.Equal("André", items[0].GetProperty("firstName").GetString());
        Assert.Equal("Bécourt", items[0].GetProperty("lastName").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("flatNumber").ValueKind);
        Assert.Equal("C-204", items[1].GetProperty("flatNumber").GetString());
        Assert.Equal(1, items[1].GetProperty("floor").GetInt32());
    }

    [Fact]
    public async Task Unlinked_caregiver_gets_empty_list()
    {
        var caregiverId = await _admin.RegisterCaregiverAsync();
        var caregiver = host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString());

        var residents = await caregiver.GetFromJsonAsync<JsonElement>(Path);

        Assert.Equal(0, residents.GetArrayLength());
    }

    [Fact]
    public async Task Withdrawn_consent_removes_resident_at_once()
    {
        var caregiverId = await _admin.RegisterCaregiverAsync();
        var residentId = await _admin.RegisterResidentAsync("Lucie", "Retrait");
        await LinkAsync(residentId, caregiverId);
        var caregiver = host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString());
        var before = await caregiver.GetFromJsonAsync<JsonElement>(Path);

        var withdraw = await _admin.DeleteAsync($"/api/v1/residents/{residentId}/caregivers/{caregiverId}");
        var after = await caregiver.GetFromJsonAsync<JsonElement>(Path);

        Assert.Equal(1, before.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Equal(0, after.GetArrayLength());
    }

    [Fact]
    public async Task Other_residence_caregiver_sees_nothing()
    {
        var caregiverId = await _admin.RegisterCaregiverAsync();
        var residentId = await _admin.RegisterResidentAsync("Odette", "Ailleurs");
        await LinkAsync(residentId, caregiverId);
        var elsewhere = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceB, caregiverId.ToString());

        var residents = await elsewhere.GetFromJsonAsync<JsonElement>(Path);

        Assert.Equal(0, residents.GetArrayLength());
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ActivityCoordinator)]
    [InlineData(Roles.CareStaff)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Researcher)]
    [InlineData(Roles.Resident)]
    public async Task Other_roles_get_403(string role)
    {
        var response = await host.ClientFor(role, personId: Guid.NewGuid().ToString()).GetAsync(Path);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_gets_401()
    {
        var response = await host.CreateClient().GetAsync(Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task LinkAsync(Guid residentId, Guid caregiverId)
    {
        var response = await _admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
