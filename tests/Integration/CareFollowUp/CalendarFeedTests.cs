using System.Net;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Support;
using Ical.Net.CalendarComponents;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

public sealed class CalendarFeedTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    [Fact]
    public async Task Feed_parses_with_paris_time()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var resident = host.ResidentClient(residentId);
        var scheduled = await resident.ScheduledAsync(residentId, "2027-03-15T14:30", 45);
        var cancelled = await resident.ScheduledAsync(residentId, "2027-03-16T10:00");
        await resident.DeleteAsync($"/api/v1/appointments/{cancelled.Id()}");
        var url = await RenewAsync(resident, residentId);

        var response = await host.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("TZOFFSETTO:+0200", text);
        Assert.Contains("TZOFFSETTO:+0100", text);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20270315T143000", text);
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == "Europe/Paris");
        var appointment = Assert.Single(calendar.Events);
        Assert.Equal($"{scheduled.Id()}@bonsecours", appointment.Uid);
        Assert.Equal("Cardiologie", appointment.Summary);
        Assert.Equal("Centre hospitalier d'Arras", appointment.Location);
        Assert.Equal("Europe/Paris", appointment.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 3, 15, 14, 30, 0), appointment.DtStart.Value);
        Assert.Equal(new DateTime(2027, 3, 15, 15, 15, 0), appointment.DtEnd!.Value);
        Assert.Equal(new DateTime(2027, 3, 15, 13, 30, 0, DateTimeKind.Utc), appointment.DtStart.AsUtc);
    }

    [Fact]
    public async Task Renewed_key_invalidates_old()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var caregiverId = await host.ConsentedCaregiverAsync(residentId);
        var caregiver = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString());
        var anonymous = host.CreateClient();

        var old = await RenewAsync(host.ResidentClient(residentId), residentId);
        var renewed = await RenewAsync(caregiver, residentId);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/residents/{residentId}/appointments.ics?key=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/residents/{residentId}/appointments.ics")).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_renew_feed()
    {
        var residentId = await host.ResidentWithCareFileAsync();

        var response = await host.ClientFor(Roles.CareStaff).PostAsync($"/api/v1/residents/{residentId}/calendar-feed/renew", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Feed_read_is_logged()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var url = await RenewAsync(host.ResidentClient(residentId), residentId);
        await host.CreateClient().GetAsync(url);

        var log = await (await host.ClientFor(Roles.Auditor).GetAsync($"/api/v1/residents/{residentId}/health-data-access")).JsonAsync();

        Assert.Contains(log.EnumerateArray(), entry =>
            entry.GetProperty("userId").GetString() == "calendar-feed" && entry.GetProperty("what").GetString() == "appointments.calendar-feed");
    }

    private static async Task<string> RenewAsync(HttpClient client, Guid residentId)
    {
        var link = await (await client.PostAsync($"/api/v1/residents/{residentId}/calendar-feed/renew", null)).JsonAsync();
        return link.GetProperty("url").GetString()!;
    }
}
