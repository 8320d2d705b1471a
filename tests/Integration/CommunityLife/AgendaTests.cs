using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

public sealed class AgendaTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    [Fact]
    public async Task Write_version_matches_etag()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly());

        var cancelled = await coordinator.PostAsync($"/api/v1/activities/{activityId}/occurrences/2027-03-23T14:00/cancel", null);
        var cancelVersion = (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        using var read = await coordinator.GetAsync($"/api/v1/activities/{activityId}");
        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/activities/{activityId}") { Content = JsonContent.Create(AgendaApi.Weekly(capacity: 9)) };
        change.Headers.TryAddWithoutValidation("If-Match", $"\"{cancelVersion}\"");
        using var changed = await coordinator.SendAsync(change);

        Assert.Equal(2, cancelVersion);
        Assert.Equal($"\"{cancelVersion}\"", read.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(3, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Weekly_activity_keeps_local_hour_across_spring_change()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly(start: "2027-03-16T14:00:00", end: "2027-03-16T15:30:00"));

        var occurrences = await coordinator.OccurrencesAsync(activityId, "2027-03-16", "2027-04-06");

        Assert.Equal(["2027-03-16T14:00", "2027-03-23T14:00", "2027-03-30T14:00", "2027-04-06T14:00"], occurrences.Select(o => o.GetProperty("occurrenceStart").GetString()));
        Assert.All(occurrences, o => Assert.Equal(14, o.GetProperty("start").GetDateTime().Hour));
        Assert.Equal(13, occurrences[1].GetProperty("startUtc").GetDateTimeOffset().UtcDateTime.Hour);
        Assert.Equal(12, occurrences[2].GetProperty("startUtc").GetDateTimeOffset().UtcDateTime.Hour);
    }

    [Fact]
    public async Task Weekly_activity_keeps_local_hour_across_autumn_change()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly(start: "2026-10-20T14:00:00", end: "2026-10-20T15:00:00", count: 3));

        var occurrences = await coordinator.OccurrencesAsync(activityId, "2026-10-01", "2026-12-31");

        Assert.Equal(3, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal(14, o.GetProperty("start").GetDateTime().Hour));
        Assert.Equal(12, occurrences[0].GetProperty("startUtc").GetDateTimeOffset().UtcDateTime.Hour);
        Assert.Equal(13, occurrences[1].GetProperty("startUtc").GetDateTimeOffset().UtcDateTime.Hour);
    }

    [Fact]
    public async Task Monthly_second_tuesday_until_date()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(new
        {
            title = "Goûter intergénérationnel", easyReadDescription = "Un goûter pour tous.", place = "Jardin",
            start = "2027-01-12T16:00:00", end = "2027-01-12T18:00:00", capacity = 40, audience = "families",
            recurrence = new { frequency = "monthly", weekOfMonth = 2, dayOfWeek = "tuesday", until = "2027-04-30" },
        });

        var occurrences = await coordinator.OccurrencesAsync(activityId, "2027-01-01", "2027-12-31");

        Assert.Equal(["2027-01-12T16:00", "2027-02-09T16:00", "2027-03-09T16:00", "2027-04-13T16:00"], occurrences.Select(o => o.GetProperty("occurrenceStart").GetString()));
    }

    [Fact]
    public async Task Cancelled_and_moved_occurrences_show_in_range()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly(start: "2027-06-01T14:00:00", end: "2027-06-01T15:00:00", count: 4));

        var cancelled = await coordinator.PostAsync($"/api/v1/activities/{activityId}/occurrences/2027-06-08T14:00/cancel", null);
        var moved = await coordinator.PostAsJsonAsync($"/api/v1/activities/{activityId}/occurrences/2027-06-15T14:00/move", new { start = "2027-06-17T10:00:00", end = "2027-06-17T11:00:00" });
        var occurrences = await coordinator.OccurrencesAsync(activityId, "2027-06-01", "2027-06-30");
        var activity = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activityId}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(["2027-06-01T14:00", "2027-06-15T14:00", "2027-06-22T14:00"], occurrences.Select(o => o.GetProperty("occurrenceStart").GetString()));
        Assert.Equal(new DateTime(2027, 6, 17, 10, 0, 0), occurrences[1].GetProperty("start").GetDateTime());
        Assert.True(occurrences[1].GetProperty("moved").GetBoolean());
        Assert.Equal(1, activity.GetProperty("cancelledOccurrences").GetArrayLength());
    }

    [Fact]
    public async Task Cancel_unknown_occurrence_is_not_found()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly());

        var wrongDay = await coordinator.PostAsync($"/api/v1/activities/{activityId}/occurrences/2027-03-17T14:00/cancel", null);
        var malformed = await coordinator.PostAsync($"/api/v1/activities/{activityId}/occurrences/tomorrow/cancel", null);

        await wrongDay.ProblemAsync(HttpStatusCode.NotFound);
        await malformed.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("end before start", """{"title":"Loto","easyReadDescription":"Jeu","place":"Salle","start":"2027-05-04T15:00:00","end":"2027-05-04T14:00:00","capacity":12,"audience":"seniors"}""")]
    [InlineData("capacity 0", """{"title":"Loto","easyReadDescription":"Jeu","place":"Salle","start":"2027-05-04T15:00:00","end":"2027-05-04T17:00:00","capacity":0,"audience":"seniors"}""")]
    [InlineData("unknown day", """{"title":"Loto","easyReadDescription":"Jeu","place":"Salle","start":"2027-05-04T15:00:00","end":"2027-05-04T17:00:00","capacity":12,"audience":"seniors","recurrence":{"frequency":"weekly","days":["funday"]}}""")]
    [InlineData("start with offset", """{"title":"Loto","easyReadDescription":"Jeu","place":"Salle","start":"2027-05-04T15:00:00Z","end":"2027-05-04T17:00:00Z","capacity":12,"audience":"seniors"}""")]
    [InlineData("until and count", """{"title":"Loto","easyReadDescription":"Jeu","place":"Salle","start":"2027-05-04T15:00:00","end":"2027-05-04T17:00:00","capacity":12,"audience":"seniors","recurrence":{"frequency":"weekly","days":["tuesday"],"count":3,"until":"2027-06-01"}}""")]
    [InlineData("monthly without day", """{"title":"Loto","easyReadDescription":"Jeu","place":"Salle","start":"2027-05-04T15:00:00","end":"2027-05-04T17:00:00","capacity":12,"audience":"seniors","recurrence":{"frequency":"monthly"}}""")]
    [InlineData("missing title", """{"title":"","easyReadDescription":"Jeu","place":"Salle","start":"2027-05-04T15:00:00","end":"2027-05-04T17:00:00","capacity":12,"audience":"seniors"}""")]
    public async Task Invalid_activity_is_rejected(string reason, string json)
    {
        var response = await host.Coordinator().PostRawAsync("/api/v1/activities", json);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _), reason);
    }

    [Fact]
    public async Task Invalid_change_and_move_are_rejected()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly());

        var change = await coordinator.SendRawAsync(HttpMethod.Put, $"/api/v1/activities/{activityId}",
            JsonSerializer.Serialize(AgendaApi.Weekly(capacity: 0)));
        var move = await coordinator.PostAsJsonAsync($"/api/v1/activities/{activityId}/occurrences/2027-03-23T14:00/move", new { start = "2027-03-24T10:00:00", end = "2027-03-24T09:00:00" });
        var range = await coordinator.GetAsync("/api/v1/activities?from=2027-05-01&to=2027-04-01");

        await change.ProblemAsync(HttpStatusCode.BadRequest);
        await move.ProblemAsync(HttpStatusCode.BadRequest);
        await range.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Change_with_stale_if_match_is_rejected()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly());
        var first = await coordinator.SendRawAsync(HttpMethod.Put, $"/api/v1/activities/{activityId}", JsonSerializer.Serialize(AgendaApi.Weekly(capacity: 10)), ifMatch: "\"1\"");

        var stale = await coordinator.SendRawAsync(HttpMethod.Put, $"/api/v1/activities/{activityId}", JsonSerializer.Serialize(AgendaApi.Weekly(capacity: 12)), ifMatch: "\"1\"");
        var activity = await coordinator.GetAsync($"/api/v1/activities/{activityId}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("\"2\"", activity.Headers.ETag?.Tag);
        Assert.Equal(10, (await activity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task Withdrawn_activity_leaves_agenda()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Single(start: "2027-05-11T15:00:00"));

        var withdrawn = await coordinator.DeleteAsync($"/api/v1/activities/{activityId}");
        var occurrences = await coordinator.OccurrencesAsync(activityId, "2027-05-01", "2027-05-31");

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Empty(occurrences);
    }

    [Fact]
    public async Task Resident_cannot_publish_or_change()
    {
        var activityId = await host.Coordinator().PublishAsync(AgendaApi.Single());
        var resident = host.Resident(await host.AddLivingResidentAsync());

        var publish = await resident.PostAsJsonAsync("/api/v1/activities", AgendaApi.Single());
        var change = await resident.PutAsJsonAsync($"/api/v1/activities/{activityId}", AgendaApi.Single());
        var cancel = await resident.PostAsync($"/api/v1/activities/{activityId}/occurrences/2027-05-04T15:00/cancel", null);
        var localEvent = await resident.PostAsJsonAsync("/api/v1/local-events", new { title = "Marché", place = "Arras", date = "2027-05-01" });
        var announcement = await resident.PostAsJsonAsync("/api/v1/announcements", new { title = "Info", body = "Texte" });

        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, localEvent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, announcement.StatusCode);
    }

    [Fact]
    public async Task Other_residence_sees_no_activity()
    {
        var activityId = await host.Coordinator().PublishAsync(AgendaApi.Single(start: "2027-05-18T15:00:00"));
        var other = host.Coordinator(BonSecoursHost.ResidenceB);

        var get = await other.GetAsync($"/api/v1/activities/{activityId}");
        var cancel = await other.PostAsync($"/api/v1/activities/{activityId}/occurrences/2027-05-18T15:00/cancel", null);
        var roster = await other.GetAsync($"/api/v1/activities/{activityId}/occurrences/2027-05-18T15:00/registrations");
        var list = await other.OccurrencesAsync(activityId, "2027-05-01", "2027-05-31");

        await get.ProblemAsync(HttpStatusCode.NotFound);
        await cancel.ProblemAsync(HttpStatusCode.NotFound);
        await roster.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(list);
    }

    [Fact]
    public async Task Anonymous_caller_is_unauthorized()
    {
        var response = await host.CreateClient().GetAsync("/api/v1/activities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
