using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

public sealed class VideoCallTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private static Task<HttpResponseMessage> CallAsync(HttpClient caller, string kind, string id) =>
        caller.PostAsJsonAsync("/api/v1/video-calls", new { callee = new { kind, id } });

    private static async Task<Guid> CallResidentAsync(HttpClient caller, Guid residentId) =>
        (await (await CallAsync(caller, "resident", residentId.ToString())).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task Accepted_call_ends_with_duration()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();

        var placed = await (await CallAsync(host.Resident(jeanne), "resident", lucas.ToString())).JsonAsync(HttpStatusCode.Created);
        var callId = placed.GetProperty("id").GetGuid();
        var accepted = await (await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/accept", null)).JsonAsync(HttpStatusCode.OK);
        var ended = await (await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/hang-up", null)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("ringing", placed.GetProperty("state").GetString());
        Assert.Equal("outgoing", placed.GetProperty("direction").GetString());
        Assert.Equal("active", accepted.GetProperty("state").GetString());
        Assert.Equal("incoming", accepted.GetProperty("direction").GetString());
        Assert.Equal("ended", ended.GetProperty("state").GetString());
        Assert.Equal(lucas.ToString(), ended.GetProperty("endedBy").GetProperty("id").GetString());
        Assert.True(ended.GetProperty("durationSeconds").GetInt32() >= 0);
    }

    [Fact]
    public async Task History_lists_own_calls_newest_first()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var other = await host.LivingResidentAsync();
        var first = await CallResidentAsync(host.Resident(jeanne), lucas);
        await host.Resident(jeanne).PostAsync($"/api/v1/video-calls/{first}/hang-up", null);
        var second = await CallResidentAsync(host.Resident(lucas), jeanne);
        var unrelated = await CallResidentAsync(host.Resident(other), lucas);

        var history = await (await host.Resident(jeanne).GetAsync("/api/v1/video-calls")).JsonAsync(HttpStatusCode.OK);
        var ids = history.EnumerateArray().Select(call => call.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([second, first], ids);
        Assert.Equal("incoming", history[0].GetProperty("direction").GetString());
        Assert.Equal("outgoing", history[1].GetProperty("direction").GetString());
        Assert.Equal("ended", history[1].GetProperty("state").GetString());
        Assert.DoesNotContain(unrelated, ids);
    }

    [Fact]
    public async Task Allowed_pairs_can_call()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var caregiverId = await admin.RegisterCaregiverAsync();
        var resident = await host.LivingResidentAsync(caregiverId: caregiverId);
        var caregiver = host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString());
        var coordinator = host.ClientFor(Roles.ActivityCoordinator);

        var caregiverCalls = await CallAsync(caregiver, "resident", resident.ToString());
        var residentCallsCaregiver = await CallAsync(host.Resident(resident), "caregiver", caregiverId.ToString());
        var residentCallsCoordinator = await CallAsync(host.Resident(resident), "staff", $"{Roles.ActivityCoordinator}-user");
        var coordinatorCalls = await CallAsync(coordinator, "resident", resident.ToString());

        Assert.Equal(HttpStatusCode.Created, caregiverCalls.StatusCode);
        Assert.Equal(HttpStatusCode.Created, residentCallsCaregiver.StatusCode);
        Assert.Equal(HttpStatusCode.Created, residentCallsCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.Created, coordinatorCalls.StatusCode);
        var coordinatorHistory = await (await coordinator.GetAsync("/api/v1/video-calls")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, coordinatorHistory.GetArrayLength());
    }

    [Fact]
    public async Task Resident_of_other_residence_is_not_found()
    {
        var jeanne = await host.LivingResidentAsync();
        var elsewhere = await host.LivingResidentAsync(BonSecoursHost.ResidenceB);

        var problem = await (await CallAsync(host.Resident(jeanne), "resident", elsewhere.ToString())).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("video-call.resident-not-found", problem.Text("code"));
    }

    [Fact]
    public async Task Caregiver_without_consent_is_forbidden()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var caregiverId = await admin.RegisterCaregiverAsync();
        var resident = await host.LivingResidentAsync();
        var caregiver = host.ClientFor(Roles.Caregiver, personId: caregiverId.ToString());

        var byCaregiver = await (await CallAsync(caregiver, "resident", resident.ToString())).ProblemAsync(HttpStatusCode.Forbidden);
        var byResident = await (await CallAsync(host.Resident(resident), "caregiver", caregiverId.ToString())).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("video-call.caregiver-not-consented", byCaregiver.Text("code"));
        Assert.Contains("accord", byCaregiver.Text("detail"));
        Assert.Equal("video-call.caregiver-not-consented", byResident.Text("code"));
    }

    [Fact]
    public async Task Moved_out_resident_is_rejected()
    {
        var jeanne = await host.LivingResidentAsync();
        var gone = await host.LivingResidentAsync();
        await host.MoveOutAsync(gone);

        var problem = await (await CallAsync(host.Resident(jeanne), "resident", gone.ToString())).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("video-call.resident-moved-out", problem.Text("code"));
        Assert.Contains("n'habite plus", problem.Text("detail"));
    }

    [Fact]
    public async Task Blocked_resident_cannot_be_called()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var blocked = await host.Resident(lucas).PostAsJsonAsync("/api/v1/blocks", new { participant = new { kind = "resident", id = jeanne } });

        var byJeanne = await CallAsync(host.Resident(jeanne), "resident", lucas.ToString());
        var byLucas = await CallAsync(host.Resident(lucas), "resident", jeanne.ToString());

        Assert.True(blocked.IsSuccessStatusCode);
        var problem = await byJeanne.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Vous ne pouvez pas appeler cette personne.", problem.GetProperty("detail").GetString());
        await byLucas.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Other_pairs_are_forbidden()
    {
        var resident = await host.LivingResidentAsync();
        var researcher = host.ClientFor(Roles.Researcher);
        var coordinator = host.ClientFor(Roles.ActivityCoordinator);

        var byResearcher = await CallAsync(researcher, "resident", resident.ToString());
        var staffToStaff = await CallAsync(coordinator, "staff", "care-staff-user");
        var toSelf = await CallAsync(host.Resident(resident), "resident", resident.ToString());

        await byResearcher.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("video-call.pair-not-allowed", (await staffToStaff.ProblemAsync(HttpStatusCode.Forbidden)).Text("code"));
        Assert.Equal("video-call.self", (await toSelf.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("code"));
    }

    [Fact]
    public async Task Invalid_callee_is_rejected()
    {
        var resident = await host.LivingResidentAsync();

        var missing = await host.Resident(resident).PostAsJsonAsync("/api/v1/video-calls", new { });
        var notGuid = await CallAsync(host.Resident(resident), "resident", "lucas");

        await missing.ProblemAsync(HttpStatusCode.BadRequest);
        await notGuid.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Accept_after_hang_up_conflicts()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var callId = await CallResidentAsync(host.Resident(jeanne), lucas);
        await (await host.Resident(jeanne).PostAsync($"/api/v1/video-calls/{callId}/hang-up", null)).JsonAsync(HttpStatusCode.OK);

        var problem = await (await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/accept", null)).ProblemAsync(HttpStatusCode.Conflict);
        var secondHangUp = await host.Resident(jeanne).PostAsync($"/api/v1/video-calls/{callId}/hang-up", null);

        Assert.Equal("video-call.finished", problem.Text("code"));
        Assert.Contains("terminé", problem.Text("detail"));
        await secondHangUp.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task State_machine_rejects_wrong_steps()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var stranger = await host.LivingResidentAsync();
        var callId = await CallResidentAsync(host.Resident(jeanne), lucas);

        var callerAccepts = await host.Resident(jeanne).PostAsync($"/api/v1/video-calls/{callId}/accept", null);
        var strangerAccepts = await host.Resident(stranger).PostAsync($"/api/v1/video-calls/{callId}/accept", null);
        var calleeHangsUpRinging = await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/hang-up", null);
        await (await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/accept", null)).JsonAsync(HttpStatusCode.OK);
        var acceptAgain = await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/accept", null);
        var declineActive = await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/decline", null);

        Assert.Equal("video-call.callee-only", (await callerAccepts.ProblemAsync(HttpStatusCode.Forbidden)).Text("code"));
        Assert.Equal("video-call.not-found", (await strangerAccepts.ProblemAsync(HttpStatusCode.NotFound)).Text("code"));
        Assert.Equal("video-call.not-answered", (await calleeHangsUpRinging.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
        Assert.Equal("video-call.already-answered", (await acceptAgain.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
        Assert.Equal("video-call.already-answered", (await declineActive.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
    }

    [Fact]
    public async Task Declined_call_takes_no_signal()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var callId = await CallResidentAsync(host.Resident(jeanne), lucas);

        var declined = await (await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/decline", null)).JsonAsync(HttpStatusCode.OK);
        var signal = await host.Resident(jeanne).PostAsJsonAsync($"/api/v1/video-calls/{callId}/signals", new { type = "offer", payload = new { sdp = "v=0" } });

        Assert.Equal("declined", declined.GetProperty("state").GetString());
        Assert.Equal("video-call.finished", (await signal.ProblemAsync(HttpStatusCode.Conflict)).Text("code"));
    }

    [Fact]
    public async Task Signal_reaches_other_party_only()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var third = await host.LivingResidentAsync();
        var coordinator = host.ClientFor(Roles.ActivityCoordinator);
        await using var lucasStream = await SseStream.OpenAsync(host, host.Resident(lucas), "/api/v1/video-calls/stream");
        await using var jeanneStream = await SseStream.OpenAsync(host, host.Resident(jeanne), "/api/v1/video-calls/stream");
        await using var thirdStream = await SseStream.OpenAsync(host, host.Resident(third), "/api/v1/video-calls/stream");
        await using var staffStream = await SseStream.OpenAsync(host, coordinator, "/api/v1/video-calls/stream");

        var callId = await CallResidentAsync(host.Resident(jeanne), lucas);
        var ringing = await lucasStream.NextAsync("video-call-ringing", EventTimeout);
        var sent = await host.Resident(jeanne).PostAsJsonAsync($"/api/v1/video-calls/{callId}/signals",
            new { type = "offer", payload = new { type = "offer", sdp = "v=0 test" } });
        var received = await lucasStream.NextAsync("video-call-signal", EventTimeout);
        await host.Resident(lucas).PostAsync($"/api/v1/video-calls/{callId}/accept", null);
        var acceptedSeenByCaller = await jeanneStream.NextAsync("video-call-accepted", EventTimeout);

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(callId, ringing!.Value.GetProperty("id").GetGuid());
        Assert.NotNull(received);
        Assert.Equal("offer", received!.Value.GetProperty("type").GetString());
        Assert.Equal("v=0 test", received.Value.GetProperty("payload").GetProperty("sdp").GetString());
        Assert.Equal(jeanne.ToString(), received.Value.GetProperty("from").GetProperty("id").GetString());
        Assert.NotNull(acceptedSeenByCaller);
        // The accepted event reached everyone it was meant for, so a leaked signal would be there by now.
        Assert.Null(await jeanneStream.NextAsync("video-call-signal", TimeSpan.FromMilliseconds(300)));
        Assert.Null(await thirdStream.NextAsync("video-call-signal", TimeSpan.FromMilliseconds(300)));
        Assert.Null(await thirdStream.NextAsync("video-call-ringing", TimeSpan.FromMilliseconds(100)));
        Assert.Null(await staffStream.NextAsync("video-call-signal", TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Oversized_or_unknown_signal_is_rejected()
    {
        var jeanne = await host.LivingResidentAsync();
        var lucas = await host.LivingResidentAsync();
        var callId = await CallResidentAsync(host.Resident(jeanne), lucas);

        var oversized = await host.Resident(jeanne).PostAsJsonAsync($"/api/v1/video-calls/{callId}/signals",
            new { type = "offer", payload = new { sdp = new string('a', 17 * 1024) } });
        var unknownType = await host.Resident(jeanne).PostAsJsonAsync($"/api/v1/video-calls/{callId}/signals",
            new { type = "media", payload = new { } });
        var largest = await host.Resident(jeanne).PostAsJsonAsync($"/api/v1/video-calls/{callId}/signals",
            new { type = "ice-candidate", payload = new { candidate = new string('a', 15 * 1024) } });

        await oversized.ProblemAsync(HttpStatusCode.BadRequest);
        await unknownType.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Accepted, largest.StatusCode);
    }

    [Fact]
    public async Task Ice_servers_default_to_none()
    {
        var resident = await host.LivingResidentAsync();

        var servers = await (await host.Resident(resident).GetAsync("/api/v1/video-calls/ice-servers")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Array, servers.GetProperty("iceServers").ValueKind);
        Assert.Equal(0, servers.GetProperty("iceServers").GetArrayLength());
    }
}
