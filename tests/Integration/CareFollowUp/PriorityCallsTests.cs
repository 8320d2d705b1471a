using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;
using static BonSecours.Tests.Integration.CareFollowUp.CallsApi;

namespace BonSecours.Tests.Integration.CareFollowUp;

public sealed class PriorityCallsTests(CallsHost host) : IClassFixture<CallsHost>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Call_lifecycle_reaches_on_duty_stream()
    {
        await SetDeadlineAsync(host, 3600);
        var residentId = await ResidentLivingHereAsync(host);
        var nurseId = $"nurse-{Guid.NewGuid():N}";
        await PutOnDutyAsync(host, nurseId, DateTimeOffset.UtcNow);
        var nurse = Staff(host, nurseId);
        var resident = Resident(host, residentId);

        using var cancellation = new CancellationTokenSource(Bound);
        using var stream = await nurse.GetAsync("/api/v1/priority-calls/stream", HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancellation.Token));
        await ReadEventAsync(reader, "connected", _ => true, cancellation.Token);

        var raised = await RaiseAsync(resident);
        var callId = raised.GetProperty("id").GetGuid();
        var again = await RaiseAsync(resident, expected: HttpStatusCode.OK);
        var alert = await ReadEventAsync(reader, "priority-call-raised", data => data.Contains(callId.ToString()), cancellation.Token);

        Assert.Equal(callId, again.GetProperty("id").GetGuid());
        Assert.Contains("\"flatNumber\"", alert);
        Assert.DoesNotContain("Jeanne", alert);

        var acknowledged = await nurse.PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

        var seen = await GetCallAsync(resident, callId);
        Assert.Equal("acknowledged", seen.GetProperty("status").GetString());
        Assert.Equal("Votre appel a été vu par Test care-staff. Quelqu'un arrive.", seen.GetProperty("residentMessage").GetString());
        Assert.True(seen.GetProperty("secondsSinceRaised").GetInt64() >= 0);

        var closed = await nurse.PostAsJsonAsync($"/api/v1/priority-calls/{callId}/close", new { outcome = "helpGiven" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var closedAgain = await nurse.PostAsJsonAsync($"/api/v1/priority-calls/{callId}/close", new { outcome = "helpGiven" });
        await closedAgain.ProblemAsync(HttpStatusCode.Conflict);

        var board = await nurse.GetFromJsonAsync<JsonElement>("/api/v1/priority-calls?status=closed");
        Assert.Contains(board.EnumerateArray(), call => call.GetProperty("id").GetGuid() == callId);
    }

    [Fact]
    public async Task Unanswered_call_escalates_to_helpers()
    {
        var residentId = await ResidentLivingHereAsync(host, helpers: 2);
        var helpers = await CaregiversOfAsync(host, residentId);
        await SetDeadlineAsync(host, 1);
        var resident = Resident(host, residentId);

        var callId = (await RaiseAsync(resident)).GetProperty("id").GetGuid();
        var call = await WaitForCallAsync(resident, callId, call => call.GetProperty("level").GetInt32() >= 2, Bound);
        var steps = call.GetProperty("escalations").EnumerateArray().ToList();
        var helperA = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, helpers[0].ToString());
        var acknowledged = await helperA.PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null);
        await SetDeadlineAsync(host, 3600);

        Assert.True(call.GetProperty("level").GetInt32() >= 2);
        Assert.Equal("firstHelper", steps[1].GetProperty("target").GetString());
        Assert.Equal(helpers[0], steps[1].GetProperty("targets").GetProperty("personIds")[0].GetGuid());
        Assert.Equal("secondHelper", steps[2].GetProperty("target").GetString());
        Assert.Equal(helpers[1], steps[2].GetProperty("targets").GetProperty("personIds")[0].GetGuid());
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.True((await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedAtLevel").GetInt32() >= 2);
    }

    [Fact]
    public async Task Acknowledged_call_does_not_escalate()
    {
        var residentId = await ResidentLivingHereAsync(host, helpers: 1);
        await SetDeadlineAsync(host, 2);
        var resident = Resident(host, residentId);

        var callId = (await RaiseAsync(resident)).GetProperty("id").GetGuid();
        var acknowledged = await Staff(host, "nurse-quick").PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var call = await GetCallAsync(resident, callId);
        await SetDeadlineAsync(host, 3600);

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(0, call.GetProperty("level").GetInt32());
        Assert.Single(call.GetProperty("escalations").EnumerateArray());
    }

    [Fact]
    public async Task Concurrent_acknowledgements_one_wins()
    {
        await SetDeadlineAsync(host, 3600);
        var residentId = await ResidentLivingHereAsync(host);
        var callId = (await RaiseAsync(Resident(host, residentId))).GetProperty("id").GetGuid();
        var first = Staff(host, "nurse-one");
        var second = Staff(host, "nurse-two", Roles.OnCall);

        var responses = await Task.WhenAll(
            first.PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null),
            second.PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null));
        var statuses = responses.Select(response => response.StatusCode).Order().ToList();
        var loser = responses.Single(response => response.StatusCode == HttpStatusCode.Conflict);
        var problem = await loser.ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        Assert.Contains("déjà été pris en charge par", problem.Text("detail"));
        Assert.Contains("heure de Paris", problem.Text("detail"));
    }

    [Fact]
    public async Task Wrong_roles_are_forbidden()
    {
        var residentId = await ResidentLivingHereAsync(host);

        var kioskRaise = await host.ClientFor(Roles.KioskStaff).PostAsJsonAsync("/api/v1/priority-calls", new { residentId });
        var researcherBoard = await host.ClientFor(Roles.Researcher).GetAsync("/api/v1/priority-calls");
        var kioskStream = await host.ClientFor(Roles.KioskStaff).GetAsync("/api/v1/priority-calls/stream");
        var researcherStatistics = await host.ClientFor(Roles.Researcher).GetAsync("/api/v1/priority-calls/statistics");
        var kioskRota = await host.ClientFor(Roles.KioskStaff).GetAsync("/api/v1/on-call-rota");

        Assert.Equal(HttpStatusCode.Forbidden, kioskRaise.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, researcherBoard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, kioskStream.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, researcherStatistics.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, kioskRota.StatusCode);
    }

    [Fact]
    public async Task Other_residence_gets_not_found()
    {
        await SetDeadlineAsync(host, 3600);
        var residentId = await ResidentLivingHereAsync(host);
        var callId = (await RaiseAsync(Resident(host, residentId))).GetProperty("id").GetGuid();
        var outsider = host.ClientFor(Roles.CareStaff, BonSecoursHost.ResidenceB);

        var read = await outsider.GetAsync($"/api/v1/priority-calls/{callId}");
        var acknowledge = await outsider.PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null);
        var raise = await outsider.PostAsJsonAsync("/api/v1/priority-calls", new { residentId });

        await read.ProblemAsync(HttpStatusCode.NotFound);
        await acknowledge.ProblemAsync(HttpStatusCode.NotFound);
        await raise.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_bodies_get_french_problems()
    {
        var admin = host.ClientFor(Roles.Administrator);

        var settings = await admin.PutAsJsonAsync("/api/v1/care-settings", new { acknowledgementDeadlineSeconds = 0, escalationChain = Array.Empty<string>() });
        var rota = await admin.PostAsJsonAsync("/api/v1/on-call-rota", new { userId = "x", role = "care-staff", kind = "onSite", startsAt = "2026-03-02T20:00:00", endsAt = "2026-03-02T08:00:00" });
        var close = await admin.PostRawAsync($"/api/v1/priority-calls/{Guid.NewGuid()}/close", "{\"outcome\":null}");
        var raise = await admin.PostRawAsync("/api/v1/priority-calls", "{}");

        var settingsProblem = await settings.ProblemAsync(HttpStatusCode.BadRequest);
        var rotaProblem = await rota.ProblemAsync(HttpStatusCode.BadRequest);
        var closeProblem = await close.ProblemAsync(HttpStatusCode.BadRequest);
        var raiseProblem = await raise.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("délai de prise en charge", settingsProblem.GetProperty("errors").GetRawText());
        Assert.Contains("après son début", rotaProblem.GetProperty("errors").GetRawText());
        Assert.Contains("issue de l'appel", closeProblem.GetProperty("errors").GetRawText());
        Assert.Contains("Indiquez le résident", raiseProblem.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Withdrawn_caregiver_leaves_chain()
    {
        var residentId = await ResidentLivingHereAsync(host, helpers: 1);
        var caregiverId = (await CaregiversOfAsync(host, residentId))[0];
        var admin = host.ClientFor(Roles.Administrator);
        await host.Services.TrackActivity().Timeout(Bound)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => admin.DeleteAsync($"/api/v1/residents/{residentId}/caregivers/{caregiverId}")));
        await SetDeadlineAsync(host, 1);
        var resident = Resident(host, residentId);

        var callId = (await RaiseAsync(resident)).GetProperty("id").GetGuid();
        var call = await WaitForCallAsync(resident, callId, call => call.GetProperty("level").GetInt32() >= 1, Bound);
        await SetDeadlineAsync(host, 3600);
        var caregiver = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString());
        var read = await caregiver.GetAsync($"/api/v1/priority-calls/{callId}");
        var acknowledge = await caregiver.PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null);

        Assert.DoesNotContain(caregiverId.ToString(), call.GetProperty("escalations").GetRawText());
        Assert.Equal("onCallManager", call.GetProperty("escalations")[1].GetProperty("target").GetString());
        await read.ProblemAsync(HttpStatusCode.Forbidden);
        await acknowledge.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Moved_out_resident_cannot_raise()
    {
        var residentId = await ResidentLivingHereAsync(host);
        var admin = host.ClientFor(Roles.Administrator);
        await host.Services.TrackActivity().Timeout(Bound)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/move-out", new { moveOutDate = "2025-06-30" })));

        var response = await Resident(host, residentId).PostAsync("/api/v1/priority-calls", null);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Test_call_is_marked_and_clears_due()
    {
        await SetDeadlineAsync(host, 3600);
        var residentId = await ResidentLivingHereAsync(host);
        var resident = Resident(host, residentId);

        var before = await resident.GetFromJsonAsync<JsonElement>("/api/v1/priority-calls/test-due");
        var raised = await RaiseAsync(resident, new { isTest = true });
        var after = await resident.GetFromJsonAsync<JsonElement>("/api/v1/priority-calls/test-due");

        Assert.True(before.GetProperty("testDue").GetBoolean());
        Assert.True(raised.GetProperty("isTest").GetBoolean());
        Assert.StartsWith("C'est un appel de test.", raised.GetProperty("residentMessage").GetString());
        Assert.False(after.GetProperty("testDue").GetBoolean());
    }

    /// <summary>Reads server-sent events until one of <paramref name="type"/> whose data matches; returns its data.</summary>
    private static async Task<string> ReadEventAsync(StreamReader reader, string type, Func<string, bool> matches, CancellationToken cancellationToken)
    {
        var current = string.Empty;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                current = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == type && matches(line))
            {
                return line["data: ".Length..];
            }
        }

        throw new Xunit.Sdk.XunitException($"The stream ended before a {type} event.");
    }
}
