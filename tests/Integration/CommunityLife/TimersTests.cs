using System.Net;
using System.Net.Http.Json;
using BonSecours.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

/// <summary>The Host with a 1-second ring timeout and games abandoned after 1.2 seconds without a move.</summary>
public sealed class ShortTimersHost : BonSecoursHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("VideoCalls:RingTimeoutSeconds", "1");
        builder.UseSetting("Games:AbandonAfterMinutes", "0.02");
    }
}

public sealed class TimersTests(ShortTimersHost host) : IClassFixture<ShortTimersHost>
{
    // Wolverine polls its durable scheduled messages every 5 seconds by default, so a timer
    // of a second or two fires within a few polls.
    private static readonly TimeSpan FireTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Unanswered_call_is_missed()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        await using var stream = await SseStream.OpenAsync(host, host.Resident(lucas), "/api/v1/video-calls/stream");
        var placed = await (await host.Resident(jeanne).PostAsJsonAsync("/api/v1/video-calls", new { callee = new { kind = "resident", id = lucas } }))
            .JsonAsync(HttpStatusCode.Created);
        var callId = placed.GetProperty("id").GetGuid();

        var missedEvent = await stream.NextAsync("video-call-missed", FireTimeout);
        var call = await host.Resident(jeanne).PollAsync($"/api/v1/video-calls/{callId}", current => current.GetProperty("state").GetString() == "missed", FireTimeout);
        var lateAccept = await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/accept", null);

        Assert.NotNull(missedEvent);
        Assert.Equal("missed", call.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, lateAccept.StatusCode);
    }

    [Fact]
    public async Task Idle_game_is_abandoned()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var gameId = (await (await host.Resident(jeanne).PostAsJsonAsync("/api/v1/games", new { kind = "connectFour", opponent = lucas }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await host.Resident(lucas).PostAsync($"/api/v1/games/{gameId}/accept", null)).JsonAsync(HttpStatusCode.OK);
        await (await host.Resident(jeanne).PostAsJsonAsync($"/api/v1/games/{gameId}/moves", new { column = 3 })).JsonAsync(HttpStatusCode.OK);

        var game = await host.Resident(jeanne).PollAsync($"/api/v1/games/{gameId}", current => current.GetProperty("status").GetString() == "abandoned", FireTimeout);

        Assert.Equal("abandoned", game.GetProperty("status").GetString());
        Assert.Equal(lucas, game.GetProperty("idlePlayerId").GetGuid());
        Assert.Equal(1, game.GetProperty("moveCount").GetInt32());
    }
}
