using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

public sealed class AgendaFeedTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private const string Title = "Atelier tablette, niveau 1; « débutants »";

    private static readonly string Description = "Première ligne.\nDeuxième ligne, avec des virgules; et des points-virgules. "
        + string.Concat(Enumerable.Repeat("Les résidents apprennent à écrire un message à leurs proches. ", 4));

    [Fact]
    public async Task Residence_feed_parses_back_and_matches_api()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(new
        {
            title = Title, easyReadDescription = Description, place = "Salle commune", start = "2027-03-16T14:00:00", end = "2027-03-16T15:30:00",
            capacity = 8, audience = "everyone", recurrence = new { frequency = "weekly", days = new[] { "tuesday" }, count = 5 },
        });
        await coordinator.PostAsync($"/api/v1/activities/{activityId}/occurrences/2027-03-23T14:00/cancel", null);
        await coordinator.PostAsJsonAsync($"/api/v1/activities/{activityId}/occurrences/2027-04-06T14:00/move", new { start = "2027-04-07T10:00:00", end = "2027-04-07T11:30:00" });
        var key = await ResetKeyAsync(coordinator, "/api/v1/agenda.ics/key");

        var response = await host.CreateClient().GetAsync($"/api/v1/agenda.ics?key={Uri.EscapeDataString(key)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var calendar = IcsParser.Parse(Encoding.UTF8.GetString(bytes));
        var occurrences = await coordinator.OccurrencesAsync(activityId, "2027-03-01", "2027-05-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal("2.0", calendar.Property("VERSION")?.Value);
        Assert.NotNull(calendar.Property("PRODID"));
        Assert.Equal("Europe/Paris", Assert.Single(calendar.Descendants("VTIMEZONE")).Property("TZID")?.Value);

        var events = calendar.Descendants("VEVENT").Where(e => e.Property("UID")!.Value.StartsWith(activityId.ToString("N"), StringComparison.Ordinal)).ToList();
        var master = Assert.Single(events, e => e.Property("RECURRENCE-ID") is null);
        var moved = Assert.Single(events, e => e.Property("RECURRENCE-ID") is not null);
        Assert.Equal(Title, master.Property("SUMMARY")!.Text);
        Assert.Equal(Description.Trim(), master.Property("DESCRIPTION")!.Text);
        Assert.Contains(@"\,", master.Property("SUMMARY")!.Value);
        Assert.Contains(@"\;", master.Property("SUMMARY")!.Value);
        Assert.Contains(@"\n", master.Property("DESCRIPTION")!.Value);

        var start = master.Property("DTSTART")!;
        Assert.Equal("Europe/Paris", start.Parameters["TZID"]);
        Assert.Equal("20270316T140000", start.Value);
        var rule = master.Property("RRULE")!.Value.Split(';').Select(part => part.Split('=')).ToDictionary(part => part[0], part => part[1]);
        Assert.Equal("WEEKLY", rule["FREQ"]);
        Assert.Equal("TU", rule["BYDAY"]);
        var exdates = master.All("EXDATE").SelectMany(line => line.Value.Split(',')).ToList();
        Assert.Equal(["20270323T140000"], exdates);
        Assert.All(master.All("EXDATE"), line => Assert.Equal("Europe/Paris", line.Parameters["TZID"]));
        Assert.Equal(int.Parse(rule["COUNT"]) - exdates.Count, occurrences.Count);

        Assert.Equal("20270406T140000", moved.Property("RECURRENCE-ID")!.Value);
        Assert.Equal("Europe/Paris", moved.Property("RECURRENCE-ID")!.Parameters["TZID"]);
        var movedOccurrence = Assert.Single(occurrences, o => o.GetProperty("moved").GetBoolean());
        Assert.Equal(movedOccurrence.GetProperty("start").GetDateTime().ToString("yyyyMMdd'T'HHmmss"), moved.Property("DTSTART")!.Value);
        Assert.Equal(
            occurrences.Where(o => !o.GetProperty("moved").GetBoolean()).Select(o => o.GetProperty("start").GetDateTime().ToString("HHmmss")).Distinct(),
            [start.Value[9..]]);
    }

    [Fact]
    public async Task Long_lines_are_folded_at_75_octets()
    {
        var coordinator = host.Coordinator();
        await coordinator.PublishAsync(AgendaApi.Single(title: "Loto géant", description: string.Concat(Enumerable.Repeat("Éé à ç ", 40)), start: "2027-09-07T15:00:00"));
        var key = await ResetKeyAsync(coordinator, "/api/v1/agenda.ics/key");

        var content = await host.CreateClient().GetStringAsync($"/api/v1/agenda.ics?key={Uri.EscapeDataString(key)}");

        Assert.Contains("\r\n ", content);
        var calendar = IcsParser.Parse(content);
        Assert.Contains(calendar.Descendants("VEVENT"), e => e.Property("DESCRIPTION")?.Text == string.Concat(Enumerable.Repeat("Éé à ç ", 40)).Trim());
    }

    [Fact]
    public async Task Feed_key_mismatch_is_not_found()
    {
        var coordinator = host.Coordinator();
        var oldKey = await ResetKeyAsync(coordinator, "/api/v1/agenda.ics/key");
        var newKey = await ResetKeyAsync(coordinator, "/api/v1/agenda.ics/key");
        var anonymous = host.CreateClient();

        var old = await anonymous.GetAsync($"/api/v1/agenda.ics?key={Uri.EscapeDataString(oldKey)}");
        var none = await anonymous.GetAsync("/api/v1/agenda.ics");
        var wrong = await anonymous.GetAsync($"/api/v1/agenda.ics?key={BonSecoursHost.ResidenceA}.not-the-secret-at-all");
        var otherResidence = await anonymous.GetAsync($"/api/v1/agenda.ics?key={Uri.EscapeDataString(BonSecoursHost.ResidenceB + newKey[newKey.IndexOf('.')..])}");
        var current = await anonymous.GetAsync($"/api/v1/agenda.ics?key={Uri.EscapeDataString(newKey)}");
        var residentReset = await host.Resident(await host.AddLivingResidentAsync()).PostAsync("/api/v1/agenda.ics/key", null);

        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherResidence.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, residentReset.StatusCode);
    }

    [Fact]
    public async Task Resident_feed_lists_registered_occurrences()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly(title: "Gym douce", start: "2027-10-26T14:00:00", end: "2027-10-26T15:00:00", count: 3));
        var residentId = await host.AddLivingResidentAsync();
        var resident = host.Resident(residentId);
        await resident.RegisterAsync(activityId, "2027-10-26T14:00");
        await resident.RegisterAsync(activityId, "2027-11-02T14:00");
        var key = await ResetKeyAsync(resident, $"/api/v1/residents/{residentId}/registrations.ics/key");
        var otherResident = await host.AddLivingResidentAsync();

        var content = await host.CreateClient().GetStringAsync($"/api/v1/residents/{residentId}/registrations.ics?key={Uri.EscapeDataString(key)}");
        var wrongResident = await host.CreateClient().GetAsync($"/api/v1/residents/{otherResident}/registrations.ics?key={Uri.EscapeDataString(key)}");
        var resetForOther = await resident.PostAsync($"/api/v1/residents/{otherResident}/registrations.ics/key", null);
        var calendar = IcsParser.Parse(content);

        var starts = calendar.Descendants("VEVENT").Select(e => e.Property("DTSTART")!).ToList();
        Assert.Equal(["20271026T140000", "20271102T140000"], starts.Select(line => line.Value).Order());
        Assert.All(starts, line => Assert.Equal("Europe/Paris", line.Parameters["TZID"]));
        Assert.Equal(HttpStatusCode.NotFound, wrongResident.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resetForOther.StatusCode);
    }

    private static async Task<string> ResetKeyAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
