using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

public sealed class ResidentWritesTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private readonly HttpClient _admin = host.ClientFor(Roles.Administrator);

    [Fact]
    public async Task ETag_moves_after_write()
    {
        var id = await _admin.RegisterResidentAsync();
        var before = await _admin.GetAsync($"/api/v1/residents/{id}");

        var put = await _admin.PutPreferencesAsync(id, "large", before.Headers.ETag!.Tag);
        var after = await _admin.GetAsync($"/api/v1/residents/{id}");

        Assert.Equal("\"1\"", before.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"2\"", after.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Stale_preferences_is_412()
    {
        var id = await _admin.RegisterResidentAsync();
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutPreferencesAsync(id, "large", "\"1\"")).StatusCode);

        var stale = await _admin.PutPreferencesAsync(id, "extraLarge", "\"1\"");

        var problem = await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("La ressource a changé depuis votre dernière lecture.", problem.Text("title"));
        var resident = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}");
        Assert.Equal("large", resident.GetProperty("preferences").GetProperty("textSize").GetString());
        var history = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}/history");
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task Stale_personal_details_is_412()
    {
        var id = await _admin.RegisterResidentAsync("Jeanne", "Martin");
        var body = JsonSerializer.Serialize(new { firstName = "Jeanne", lastName = "Dupont", birthDate = "1942-03-15", category = "senior" });

        var stale = await _admin.SendRawAsync(HttpMethod.Put, $"/api/v1/residents/{id}/personal-details", body, ifMatch: "\"7\"");

        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var resident = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}");
        Assert.Equal("Martin", resident.GetProperty("lastName").GetString());
        var history = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}/history");
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task Personal_details_change_with_fresh_tag()
    {
        var id = await _admin.RegisterResidentAsync("Jeanne", "Martin");
        var body = JsonSerializer.Serialize(new { firstName = "Jeanne", lastName = "Dupont", birthDate = "1942-03-15", category = "senior", phone = "06 12 34 56 78" });

        var response = await _admin.SendRawAsync(HttpMethod.Put, $"/api/v1/residents/{id}/personal-details", body, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resident = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}");
        Assert.Equal("Dupont", resident.GetProperty("lastName").GetString());
        Assert.Equal("06 12 34 56 78", resident.GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("\"abc\"")]
    [InlineData("\"-1\"")]
    public async Task Malformed_If_Match_is_a_problem(string ifMatch)
    {
        var id = await _admin.RegisterResidentAsync();

        var response = await _admin.PutPreferencesAsync(id, "large", ifMatch);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.PreconditionRequired, $"status {response.StatusCode}");
        var problem = await response.ProblemAsync(response.StatusCode);
        Assert.Contains("If-Match", problem.Text("detail"));
    }

    [Fact]
    public async Task Parallel_stale_writes_give_one_412()
    {
        var id = await _admin.RegisterResidentAsync();

        var responses = await Task.WhenAll(
            _admin.PutPreferencesAsync(id, "large", "\"1\""),
            host.ClientFor(Roles.Administrator).PutPreferencesAsync(id, "extraLarge", "\"1\""));

        var statuses = responses.Select(response => response.StatusCode).OrderBy(status => status).ToArray();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var history = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}/history");
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task Idempotent_resident_replays()
    {
        var key = Guid.NewGuid().ToString();
        var lastName = "Idempotente";
        var body = new { firstName = "Rose", lastName, birthDate = "1950-01-01", category = "senior" };

        var first = await SendWithKeyAsync("/api/v1/residents", key, body);
        var second = await SendWithKeyAsync("/api/v1/residents", key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var page = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents?search={lastName}");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Idempotent_flat_replays()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { number = "IDEM1", floor = 3, rooms = 2, stepFreeAccess = false };

        var first = await SendWithKeyAsync("/api/v1/flats", key, body);
        var second = await SendWithKeyAsync("/api/v1/flats", key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var flats = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/flats");
        Assert.Single(flats.EnumerateArray(), flat => flat.GetProperty("number").GetString() == "IDEM1");
    }

    [Fact]
    public async Task Idempotency_key_with_other_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        await SendWithKeyAsync("/api/v1/flats", key, new { number = "IDEM2", floor = 1, rooms = 2, stepFreeAccess = false });

        var second = await SendWithKeyAsync("/api/v1/flats", key, new { number = "IDEM3", floor = 1, rooms = 2, stepFreeAccess = false });

        await second.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var flats = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/flats");
        Assert.DoesNotContain(flats.EnumerateArray(), flat => flat.GetProperty("number").GetString() == "IDEM3");
    }

    [Fact]
    public async Task Move_in_twice_is_rejected()
    {
        var id = await _admin.RegisterResidentAsync();
        var flatId = await _admin.RegisterFlatAsync();
        Assert.Equal(HttpStatusCode.OK, (await _admin.MoveInAsync(id, flatId)).StatusCode);

        var again = await _admin.MoveInAsync(id, flatId);

        var problem = await again.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("habite déjà", problem.Text("detail"));
    }

    [Fact]
    public async Task Move_out_before_move_in_is_rejected()
    {
        var id = await _admin.RegisterResidentAsync();
        var flatId = await _admin.RegisterFlatAsync();
        await _admin.MoveInAsync(id, flatId, "2025-01-10");

        var response = await _admin.PostAsJsonAsync($"/api/v1/residents/{id}/move-out", new { moveOutDate = "2025-01-09" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("10/01/2025", problem.Text("detail"));
    }

    [Fact]
    public async Task Move_out_without_move_in_is_rejected()
    {
        var id = await _admin.RegisterResidentAsync();

        var response = await _admin.PostAsJsonAsync($"/api/v1/residents/{id}/move-out", new { moveOutDate = "2025-01-09" });

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Flat_shows_occupants_and_household()
    {
        var first = await _admin.RegisterResidentAsync("Anne", "Roux");
        var second = await _admin.RegisterResidentAsync("Marc", "Roux");
        var flatId = await _admin.RegisterFlatAsync();

        await _admin.MoveInAsync(first, flatId);
        await _admin.MoveInAsync(second, flatId);
        var flat = (await _admin.GetFromJsonAsync<JsonElement>("/api/v1/flats")).EnumerateArray().Single(item => item.GetProperty("id").GetGuid() == flatId);

        var occupants = flat.GetProperty("occupantIds").EnumerateArray().Select(item => item.GetGuid()).ToArray();
        Assert.Equal(new[] { first, second }.Order(), occupants.Order());
        Assert.True(flat.GetProperty("isOccupied").GetBoolean());
        var household = flat.GetProperty("householdId").GetGuid();
        var resident = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{second}");
        Assert.Equal(household, resident.GetProperty("householdId").GetGuid());
    }

    [Fact]
    public async Task Move_out_empties_flat()
    {
        var id = await _admin.RegisterResidentAsync();
        var flatId = await _admin.RegisterFlatAsync();
        await _admin.MoveInAsync(id, flatId, "2025-01-10");

        var response = await _admin.PostAsJsonAsync($"/api/v1/residents/{id}/move-out", new { moveOutDate = "2025-06-30" });
        var flat = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/flats/{flatId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, flat.GetProperty("occupantIds").GetArrayLength());
        Assert.False(flat.GetProperty("isOccupied").GetBoolean());
    }

    [Fact]
    public async Task Tablet_lend_and_return()
    {
        var id = await _admin.RegisterResidentAsync();

        var lent = await _admin.PostAsJsonAsync($"/api/v1/residents/{id}/tablet", new { serialNumber = "TAB-001", lentOn = "2025-02-01" });
        var again = await _admin.PostAsJsonAsync($"/api/v1/residents/{id}/tablet", new { serialNumber = "TAB-002", lentOn = "2025-02-02" });
        var returned = await _admin.PostAsync($"/api/v1/residents/{id}/tablet/return", null);
        var returnedTwice = await _admin.PostAsync($"/api/v1/residents/{id}/tablet/return", null);

        Assert.Equal(HttpStatusCode.OK, lent.StatusCode);
        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        await returnedTwice.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Flat_details_change()
    {
        var flatId = await _admin.RegisterFlatAsync();

        var response = await _admin.PutAsJsonAsync($"/api/v1/flats/{flatId}", new { floor = 4, rooms = 3, areaSquareMetres = 61.5, stepFreeAccess = false });
        var flat = await _admin.GetAsync($"/api/v1/flats/{flatId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", flat.Headers.ETag!.Tag);
        var body = await flat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, body.GetProperty("floor").GetInt32());
    }

    [Fact]
    public async Task Residence_register_and_read()
    {
        var put = await _admin.PutAsJsonAsync("/api/v1/residence", new { name = "Îlot Bon Secours", street = "Rue de Bon Secours", postalCode = "62000", town = "Arras", floors = 4 });
        var residence = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/residence");

        Assert.True(put.IsSuccessStatusCode, $"status {put.StatusCode}");
        Assert.Equal("Îlot Bon Secours", residence.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Training_session_recorded()
    {
        var id = await _admin.RegisterResidentAsync();
        var ambassador = host.ClientFor(Roles.ConnectedHomeAmbassador);

        var response = await ambassador.PostAsJsonAsync("/api/v1/training-sessions", new
        {
            heldAt = "2025-03-01T10:00:00+01:00",
            durationMinutes = 45,
            residentIds = new[] { id },
            features = new[] { "signIn", "videoCalls" },
            outcome = "needsFollowUp",
        });
        var empty = await ambassador.PostAsJsonAsync("/api/v1/training-sessions", new
        {
            heldAt = "2025-03-01T10:00:00+01:00", durationMinutes = 45, residentIds = Array.Empty<Guid>(), features = new[] { "signIn" }, outcome = "autonomous",
        });
        var sessions = await ambassador.GetFromJsonAsync<JsonElement>($"/api/v1/training-sessions?residentId={id}");

        Assert.True(response.IsSuccessStatusCode, $"status {response.StatusCode}");
        Assert.True(empty.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"status {empty.StatusCode}");
        Assert.Equal(1, sessions.GetArrayLength());
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(string path, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await _admin.SendAsync(request);
    }
}
