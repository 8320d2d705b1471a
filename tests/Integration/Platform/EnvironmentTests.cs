using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Platform;

/// <summary>The Host in the Development environment, which seeds the demo residence.</summary>
public class DevelopmentHost : BonSecoursHost
{
    protected override string EnvironmentName => "Development";
}

public sealed class ProductionHost : BonSecoursHost
{
    protected override string EnvironmentName => "Production";
}

public sealed class DevelopmentTests(DevelopmentHost host) : IClassFixture<DevelopmentHost>
{
    [Fact]
    public async Task Demo_has_70_flats_and_residents()
    {
        var admin = await DemoApi.SignInAsync(host, "admin");

        var flats = await admin.GetFromJsonAsync<JsonElement>("/api/v1/flats");
        var directory = await admin.GetFromJsonAsync<JsonElement>("/api/v1/residents?limit=100");

        Assert.Equal(70, flats.GetArrayLength());
        Assert.True(directory.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("jeanne", "senior")]
    [InlineData("lucas", "youngAdultWithDownSyndrome")]
    public async Task Demo_resident_signs_in(string username, string category)
    {
        var resident = await DemoApi.SignInAsync(host, username);

        var me = await resident.GetFromJsonAsync<JsonElement>("/api/v1/residents/me");

        Assert.Equal(category, me.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Wrong_demo_password_is_rejected()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong" });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"status {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class DemoRestartTests
{
    [Fact]
    public async Task Second_start_seeds_nothing_twice()
    {
        var first = new DevelopmentHost();
        await first.InitializeAsync();
        var before = await DemoApi.SnapshotAsync(first);
        await first.DisposeAsync();

        var second = new DevelopmentHost { ExistingConnectionString = first.ConnectionString };
        await second.InitializeAsync();
        try
        {
            var after = await DemoApi.SnapshotAsync(second);

            Assert.Equal(70, before.Flats.Count);
            Assert.Equal(before.Flats, after.Flats);
            Assert.Equal(before.Residents, after.Residents);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}

public sealed class ProductionTests(ProductionHost host) : IClassFixture<ProductionHost>
{
    [Fact]
    public async Task Token_endpoint_is_404()
    {
        var response = await host.ClientFor(Roles.Administrator).PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "demo" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Token_endpoint_gives_anonymous_no_token()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "demo" });

        // The fallback policy (signed-in) also covers paths that match no endpoint, so an
        // anonymous caller gets 401 there rather than 404.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

internal sealed record DemoSnapshot(SortedDictionary<Guid, long> Flats, SortedDictionary<Guid, long> Residents);

internal static class DemoApi
{
    public static async Task<HttpClient> SignInAsync(BonSecoursHost host, string username)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "demo" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return client.WithToken(token);
    }

    /// <summary>Reads every flat and resident of the demo residence with its stream version.</summary>
    public static async Task<DemoSnapshot> SnapshotAsync(BonSecoursHost host)
    {
        var admin = await SignInAsync(host, "admin");
        var flats = new SortedDictionary<Guid, long>();
        foreach (var flat in (await admin.GetFromJsonAsync<JsonElement>("/api/v1/flats")).EnumerateArray())
        {
            flats[flat.GetProperty("id").GetGuid()] = flat.GetProperty("version").GetInt64();
        }

        var residents = new SortedDictionary<Guid, long>();
        int total;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents?limit=50&offset={residents.Count}&includeMovedOut=true");
            total = page.GetProperty("total").GetInt32();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            foreach (var entry in items)
            {
                var id = entry.GetProperty("id").GetGuid();
                residents[id] = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{id}")).GetProperty("version").GetInt64();
            }
        }
        while (residents.Count < total);

        return new DemoSnapshot(flats, residents);
    }
}
