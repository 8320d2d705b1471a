using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Games;
using BonSecours.Modules.CommunityLife.Games.Rules;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

public sealed class GameTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private static Task<HttpResponseMessage> InviteAsync(HttpClient inviter, string kind, Guid opponent) =>
        inviter.PostAsJsonAsync("/api/v1/games", new { kind, opponent });

    private async Task<(Guid Jeanne, Guid Lucas, Guid GameId)> StartedGameAsync(string kind)
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var gameId = (await (await InviteAsync(host.Resident(jeanne), kind, lucas)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await host.Resident(lucas).PostAsync($"/api/v1/games/{gameId}/accept", null)).JsonAsync(HttpStatusCode.OK);
        return (jeanne, lucas, gameId);
    }

    private static Task<HttpResponseMessage> DropAsync(HttpClient player, Guid gameId, int column) =>
        player.PostAsJsonAsync($"/api/v1/games/{gameId}/moves", new { column });

    private static Task<HttpResponseMessage> TurnAsync(HttpClient player, Guid gameId, int card) =>
        player.PostAsJsonAsync($"/api/v1/games/{gameId}/moves", new { card });

    [Fact]
    public async Task Blocked_resident_cannot_be_invited()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var blocked = await host.Resident(jeanne).PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = lucas } });

        var invitation = await InviteAsync(host.Resident(lucas), "memory", jeanne);
        var ownInvitation = await InviteAsync(host.Resident(jeanne), "memory", lucas);

        Assert.True(blocked.IsSuccessStatusCode);
        var problem = await invitation.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Vous ne pouvez pas jouer avec cette personne.", problem.GetProperty("detail").GetString());
        await ownInvitation.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Connect_four_is_won_and_resumed()
    {
        var (jeanne, lucas, gameId) = await StartedGameAsync("connectFour");
        var players = new[] { host.Resident(jeanne), host.Resident(lucas) };
        int[] columns = [3, 4, 3, 4, 3, 4];
        for (var i = 0; i < columns.Length; i++)
        {
            await (await DropAsync(players[i % 2], gameId, columns[i])).JsonAsync(HttpStatusCode.OK);
        }

        var winning = await (await DropAsync(players[0], gameId, 3)).JsonAsync(HttpStatusCode.OK);
        var resumed = await (await host.Resident(lucas).GetAsync($"/api/v1/games/{gameId}")).JsonAsync(HttpStatusCode.OK);
        var afterEnd = await DropAsync(players[1], gameId, 0);

        Assert.Equal("won", winning.GetProperty("status").GetString());
        Assert.Equal(jeanne, resumed.GetProperty("winnerId").GetGuid());
        Assert.Equal(7, resumed.GetProperty("moveCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("currentPlayerId").ValueKind);
        var cells = resumed.GetProperty("connectFour").GetProperty("cells");
        Assert.Equal(6, cells.GetArrayLength());
        Assert.Equal(jeanne, cells[2][3].GetGuid());
        Assert.Equal(lucas, cells[5][4].GetGuid());
        Assert.Equal(JsonValueKind.Null, cells[1][3].ValueKind);
        Assert.Equal("game.finished", (await afterEnd.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
    }

    [Fact]
    public async Task Wrong_turn_and_illegal_moves_are_rejected()
    {
        var (jeanne, lucas, gameId) = await StartedGameAsync("connectFour");
        var players = new[] { host.Resident(jeanne), host.Resident(lucas) };

        var lucasFirst = await DropAsync(players[1], gameId, 0);
        var outOfRange = await DropAsync(players[0], gameId, 7);
        var noColumn = await TurnAsync(players[0], gameId, 2);
        for (var i = 0; i < 6; i++)
        {
            await (await DropAsync(players[i % 2], gameId, 2)).JsonAsync(HttpStatusCode.OK);
        }

        var fullColumn = await DropAsync(players[0], gameId, 2);
        var state = await (await players[0].GetAsync($"/api/v1/games/{gameId}")).JsonAsync(HttpStatusCode.OK);

        var wrongTurn = await lucasFirst.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("game.not-your-turn", wrongTurn.Text("code"));
        Assert.Contains("pas votre tour", wrongTurn.Text("detail"));
        Assert.Equal("game.column-out-of-range", (await outOfRange.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("code"));
        Assert.Equal("game.column-missing", (await noColumn.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("code"));
        var full = await fullColumn.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("game.column-full", full.Text("code"));
        Assert.Contains("pleine", full.Text("detail"));
        Assert.Equal(jeanne, state.GetProperty("currentPlayerId").GetGuid());
        Assert.Equal(6, state.GetProperty("moveCount").GetInt32());
    }

    [Fact]
    public async Task Memory_reveals_pairs_and_keeps_layout_hidden()
    {
        var (jeanne, lucas, gameId) = await StartedGameAsync("memory");
        var layout = MemoryBoard.Shuffle(await SeedOfAsync(gameId));
        var pair = Enumerable.Range(0, 16).Where(card => layout[card] == layout[0]).ToArray();
        var other = Enumerable.Range(0, 16).First(card => layout[card] != layout[0]);
        var another = Enumerable.Range(0, 16).First(card => layout[card] != layout[0] && layout[card] != layout[other]);

        var fresh = await (await host.Resident(lucas).GetAsync($"/api/v1/games/{gameId}")).JsonAsync(HttpStatusCode.OK);
        await (await TurnAsync(host.Resident(jeanne), gameId, pair[0])).JsonAsync(HttpStatusCode.OK);
        var sameCard = await TurnAsync(host.Resident(jeanne), gameId, pair[0]);
        var found = await (await TurnAsync(host.Resident(jeanne), gameId, pair[1])).JsonAsync(HttpStatusCode.OK);
        var foundAgain = await TurnAsync(host.Resident(jeanne), gameId, pair[1]);
        await (await TurnAsync(host.Resident(jeanne), gameId, other)).JsonAsync(HttpStatusCode.OK);
        var missed = await (await TurnAsync(host.Resident(jeanne), gameId, another)).JsonAsync(HttpStatusCode.OK);

        Assert.All(fresh.GetProperty("memory").GetProperty("cards").EnumerateArray(), card => Assert.Equal(JsonValueKind.Null, card.GetProperty("picture").ValueKind));
        Assert.Equal("game.card-already-revealed", (await sameCard.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("code"));
        Assert.Equal("game.card-already-revealed", (await foundAgain.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("code"));
        var memory = found.GetProperty("memory");
        Assert.True(memory.GetProperty("cards")[pair[1]].GetProperty("found").GetBoolean());
        Assert.Equal(layout[0], memory.GetProperty("cards")[pair[1]].GetProperty("picture").GetString());
        Assert.Equal(1, memory.GetProperty("scores")[0].GetProperty("pairs").GetInt32());
        Assert.Equal(jeanne, found.GetProperty("currentPlayerId").GetGuid());
        Assert.Equal(lucas, missed.GetProperty("currentPlayerId").GetGuid());
        Assert.Equal(layout[another], missed.GetProperty("memory").GetProperty("cards")[another].GetProperty("picture").GetString());
        var hidden = missed.GetProperty("memory").GetProperty("cards").EnumerateArray().Count(card => card.GetProperty("picture").ValueKind == JsonValueKind.Null);
        Assert.Equal(12, hidden);
    }

    [Fact]
    public async Task Memory_hides_cards_turned_back()
    {
        var (jeanne, lucas, gameId) = await StartedGameAsync("memory");
        var layout = MemoryBoard.Shuffle(await SeedOfAsync(gameId));
        var first = 0;
        var mismatch = Enumerable.Range(1, 15).First(card => layout[card] != layout[first]);
        var lucasPair = Enumerable.Range(0, 16)
            .Where(card => card != first && card != mismatch)
            .GroupBy(card => layout[card])
            .First(cards => cards.Count() == 2)
            .ToArray();
        await using var lucasStream = await SseStream.OpenAsync(host, host.Resident(lucas), "/api/v1/games/stream");

        await (await TurnAsync(host.Resident(jeanne), gameId, first)).JsonAsync(HttpStatusCode.OK);
        var missed = await (await TurnAsync(host.Resident(jeanne), gameId, mismatch)).JsonAsync(HttpStatusCode.OK);
        await (await TurnAsync(host.Resident(lucas), gameId, lucasPair[0])).JsonAsync(HttpStatusCode.OK);
        // Lucas's stream carries the three moves so far; the third one shows the board after the mismatch turned back.
        JsonElement? turnedBack = null;
        for (var move = 0; move < 3; move++)
        {
            turnedBack = await lucasStream.NextAsync("game-move-played", TimeSpan.FromSeconds(10));
        }

        var paired = await (await TurnAsync(host.Resident(lucas), gameId, lucasPair[1])).JsonAsync(HttpStatusCode.OK);
        var resumed = await (await host.Resident(jeanne).GetAsync($"/api/v1/games/{gameId}")).JsonAsync(HttpStatusCode.OK);

        var missedView = missed.GetProperty("memory");
        Assert.Equal([first, mismatch], missedView.GetProperty("lastMismatch").EnumerateArray().Select(card => card.GetInt32()));
        Assert.Equal(JsonValueKind.Null, missedView.GetProperty("lastPair").ValueKind);
        Assert.NotNull(turnedBack);
        Assert.Equal(3, turnedBack!.Value.GetProperty("moveCount").GetInt32());
        var streamedView = turnedBack.Value.GetProperty("memory");
        Assert.Equal(lucasPair[0], streamedView.GetProperty("revealedCard").GetInt32());
        Assert.Equal(JsonValueKind.Null, streamedView.GetProperty("lastMismatch").ValueKind);
        Assert.Equal(layout[lucasPair[0]], streamedView.GetProperty("cards")[lucasPair[0]].GetProperty("picture").GetString());
        Assert.Equal(JsonValueKind.Null, streamedView.GetProperty("cards")[first].GetProperty("picture").ValueKind);
        Assert.Equal(JsonValueKind.Null, streamedView.GetProperty("cards")[mismatch].GetProperty("picture").ValueKind);
        var resumedView = resumed.GetProperty("memory");
        Assert.Equal([lucasPair[0], lucasPair[1]], resumedView.GetProperty("lastPair").EnumerateArray().Select(card => card.GetInt32()));
        Assert.Equal(lucas, paired.GetProperty("currentPlayerId").GetGuid());
        Assert.Equal(1, resumedView.GetProperty("scores")[1].GetProperty("pairs").GetInt32());
        foreach (var card in resumedView.GetProperty("cards").EnumerateArray())
        {
            var faceDown = !card.GetProperty("found").GetBoolean();
            Assert.Equal(faceDown, card.GetProperty("picture").ValueKind == JsonValueKind.Null);
        }

        Assert.DoesNotContain("seed", resumed.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Move_reaches_other_player_stream()
    {
        var (jeanne, lucas, gameId) = await StartedGameAsync("connectFour");
        var stranger = await host.LivingResidentAsync();
        await using var lucasStream = await SseStream.OpenAsync(host, host.Resident(lucas), "/api/v1/games/stream");
        await using var strangerStream = await SseStream.OpenAsync(host, host.Resident(stranger), "/api/v1/games/stream");

        await (await DropAsync(host.Resident(jeanne), gameId, 5)).JsonAsync(HttpStatusCode.OK);
        var update = await lucasStream.NextAsync("game-move-played", TimeSpan.FromSeconds(10));

        Assert.NotNull(update);
        Assert.Equal(gameId, update!.Value.GetProperty("id").GetGuid());
        Assert.Equal(lucas, update.Value.GetProperty("currentPlayerId").GetGuid());
        Assert.Null(await strangerStream.NextAsync("game-move-played", TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Only_players_and_invited_may_act()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var stranger = await host.LivingResidentAsync();
        var gameId = (await (await InviteAsync(host.Resident(jeanne), "memory", lucas)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var inviterAccepts = await host.Resident(jeanne).PostAsync($"/api/v1/games/{gameId}/accept", null);
        var strangerReads = await host.Resident(stranger).GetAsync($"/api/v1/games/{gameId}");
        var staffReads = await host.ClientFor(Roles.ActivityCoordinator).GetAsync($"/api/v1/games/{gameId}");
        var moveBeforeStart = await TurnAsync(host.Resident(jeanne), gameId, 0);
        var declined = await (await host.Resident(lucas).PostAsync($"/api/v1/games/{gameId}/decline", null)).JsonAsync(HttpStatusCode.OK);
        var acceptAfterDecline = await host.Resident(lucas).PostAsync($"/api/v1/games/{gameId}/accept", null);

        Assert.Equal("game.not-invited", (await inviterAccepts.ProblemAsync(HttpStatusCode.Forbidden)).Text("code"));
        Assert.Equal("game.not-a-player", (await strangerReads.ProblemAsync(HttpStatusCode.Forbidden)).Text("code"));
        await staffReads.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("game.not-started", (await moveBeforeStart.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("game.invitation-answered", (await acceptAfterDecline.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
    }

    [Fact]
    public async Task Invitation_needs_living_opponent()
    {
        var jeanne = await host.LivingResidentAsync();
        var gone = await host.LivingResidentAsync();
        await host.MoveOutAsync(gone);
        var elsewhere = await host.LivingResidentAsync(BonSecoursHost.ResidenceB);

        var movedOut = await InviteAsync(host.Resident(jeanne), "connectFour", gone);
        var otherResidence = await InviteAsync(host.Resident(jeanne), "connectFour", elsewhere);
        var self = await InviteAsync(host.Resident(jeanne), "connectFour", jeanne);
        var unknownKind = await InviteAsync(host.Resident(jeanne), "chess", gone);

        Assert.Equal("game.resident-moved-out", (await movedOut.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("code"));
        Assert.Equal("game.resident-not-found", (await otherResidence.ProblemAsync(HttpStatusCode.NotFound)).Text("code"));
        Assert.Equal("game.self-invitation", (await self.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("code"));
        await unknownKind.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Rematch_swaps_roles()
    {
        var (jeanne, lucas, gameId) = await StartedGameAsync("connectFour");
        var players = new[] { host.Resident(jeanne), host.Resident(lucas) };
        var early = await players[1].PostAsync($"/api/v1/games/{gameId}/rematch", null);
        foreach (var (column, i) in new[] { 0, 1, 0, 1, 0, 1, 0 }.Select((column, i) => (column, i)))
        {
            await (await DropAsync(players[i % 2], gameId, column)).JsonAsync(HttpStatusCode.OK);
        }

        var rematch = await (await players[1].PostAsync($"/api/v1/games/{gameId}/rematch", null)).JsonAsync(HttpStatusCode.Created);
        var rematchId = rematch.GetProperty("id").GetGuid();
        var started = await (await players[0].PostAsync($"/api/v1/games/{rematchId}/accept", null)).JsonAsync(HttpStatusCode.OK);
        var history = await (await players[0].GetAsync("/api/v1/games")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("game.not-finished", (await early.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
        Assert.Equal(lucas, rematch.GetProperty("inviterId").GetGuid());
        Assert.Equal(jeanne, rematch.GetProperty("opponentId").GetGuid());
        Assert.Equal(gameId, rematch.GetProperty("rematchOf").GetGuid());
        Assert.Equal(lucas, started.GetProperty("firstPlayerId").GetGuid());
        Assert.Equal(lucas, started.GetProperty("currentPlayerId").GetGuid());
        Assert.Equal([rematchId, gameId], history.EnumerateArray().Select(game => game.GetProperty("id").GetGuid()).ToList());
    }

    private async Task<int> SeedOfAsync(Guid gameId)
    {
        await using var session = host.Services.GetRequiredService<ICommunityLifeStore>().QuerySession(BonSecoursHost.ResidenceA);
        var game = await session.Events.AggregateStreamAsync<GameSession>(gameId) ?? throw new Xunit.Sdk.XunitException($"No game {gameId}");
        return game.Seed;
    }
}
