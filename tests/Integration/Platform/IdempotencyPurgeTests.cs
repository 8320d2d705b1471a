using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Host;
using BonSecours.Tests.Support;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BonSecours.Tests.Integration.Platform;

public sealed class IdempotencyPurgeTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private readonly HttpClient _admin = host.ClientFor(Roles.Administrator);

    [Fact]
    public async Task Purge_keeps_recent_and_removes_expired_keys()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { firstName = "Yvonne", lastName = "Purge", birthDate = "1944-05-20", category = "senior" };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var purge = new IdempotencyPurgeService(
            host.Services.GetRequiredService<IDocumentStore>(), clock, host.Services.GetRequiredService<IConfiguration>(),
            host.Services.GetRequiredService<ILogger<IdempotencyPurgeService>>());

        var first = await PostWithKeyAsync(key, body);
        clock.Advance(TimeSpan.FromHours(23));
        var removedWithinRetention = await purge.PurgeAsync(CancellationToken.None);
        var replay = await PostWithKeyAsync(key, body);
        clock.Advance(TimeSpan.FromHours(2));
        var removedPastRetention = await purge.PurgeAsync(CancellationToken.None);
        var afterPurge = await PostWithKeyAsync(key, body);

        Assert.Equal(TimeSpan.FromHours(24), purge.Retention);
        Assert.Equal(TimeSpan.FromMinutes(60), purge.PurgeInterval);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(0, removedWithinRetention);
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.True(replay.Replayed);
        Assert.Equal(first.Id, replay.Id);
        Assert.True(removedPastRetention >= 1, $"removed {removedPastRetention} records");
        Assert.Equal(HttpStatusCode.Created, afterPurge.Status);
        Assert.False(afterPurge.Replayed);
        Assert.NotEqual(first.Id, afterPurge.Id);
    }

    private async Task<(HttpStatusCode Status, Guid Id, bool Replayed)> PostWithKeyAsync(string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/residents") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await _admin.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
        return (response.StatusCode, created.GetProperty("id").GetGuid(), replayed);
    }
}
