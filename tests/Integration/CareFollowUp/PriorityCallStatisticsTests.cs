using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using Xunit;
using static BonSecours.Tests.Integration.CareFollowUp.CallsApi;

namespace BonSecours.Tests.Integration.CareFollowUp;

public sealed class PriorityCallStatisticsTests(CallsHost host) : IClassFixture<CallsHost>
{
    [Fact]
    public async Task Statistics_of_known_calls()
    {
        await SetDeadlineAsync(host, 3600);
        var residentId = await ResidentLivingHereAsync(host);
        var resident = Resident(host, residentId);
        var nurse = Staff(host, "nurse-stats");
        host.Clock.Offset = TimeSpan.FromDays(400);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

        // Acknowledged after 10 s, 30 s and 120 s, plus a test call after 5 s that is left out by default.
        await AnswerAsync(resident, nurse, secondsToAcknowledge: 10, "helpGiven", isTest: false);
        await AnswerAsync(resident, nurse, secondsToAcknowledge: 30, "helpGiven", isTest: false);
        await AnswerAsync(resident, nurse, secondsToAcknowledge: 120, "falseAlarm", isTest: false);
        await AnswerAsync(resident, nurse, secondsToAcknowledge: 5, "comfortRequest", isTest: true);
        var auditor = host.ClientFor(Roles.Auditor);
        var from = day.AddDays(-1).ToString("yyyy-MM-dd");
        var to = day.AddDays(1).ToString("yyyy-MM-dd");

        var statistics = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/priority-calls/statistics?from={from}&to={to}");
        var withTests = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/priority-calls/statistics?from={from}&to={to}&includeTestCalls=true");
        host.Clock.Offset = TimeSpan.Zero;

        Assert.Equal(3, statistics.GetProperty("count").GetInt32());
        // The test clock runs on real time with an offset, so each answer may come a few tenths late.
        Assert.InRange(statistics.GetProperty("medianSecondsToAcknowledge").GetDouble(), 30, 31);
        Assert.InRange(statistics.GetProperty("percentile95SecondsToAcknowledge").GetDouble(), 111, 112);
        Assert.Equal(2.0 / 3, statistics.GetProperty("shareAcknowledgedWithin60s").GetDouble(), 3);
        Assert.Equal(1, statistics.GetProperty("shareAcknowledgedWithin180s").GetDouble(), 3);
        Assert.Equal(0, statistics.GetProperty("escalations").GetInt32());
        Assert.Equal(2, statistics.GetProperty("outcomes").GetProperty("helpGiven").GetInt32());
        Assert.Equal(1, statistics.GetProperty("outcomes").GetProperty("falseAlarm").GetInt32());
        Assert.Equal(0.985, statistics.GetProperty("targetShareWithin60s").GetDouble(), 3);
        Assert.False(statistics.GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(4, withTests.GetProperty("count").GetInt32());
    }

    private async Task AnswerAsync(HttpClient resident, HttpClient nurse, int secondsToAcknowledge, string outcome, bool isTest)
    {
        var callId = (await RaiseAsync(resident, new { isTest })).GetProperty("id").GetGuid();
        host.Clock.Offset += TimeSpan.FromSeconds(secondsToAcknowledge);
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/v1/priority-calls/{callId}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsJsonAsync($"/api/v1/priority-calls/{callId}/close", new { outcome })).StatusCode);
        host.Clock.Offset += TimeSpan.FromSeconds(60);
    }
}
