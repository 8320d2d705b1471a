using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Contracts;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

public sealed class RegistrationTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private const string Start = "2027-05-04T15:00";

    [Fact]
    public async Task Ten_parallel_requests_for_last_place()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Single(capacity: 1));
        var residents = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            residents.Add(await host.AddLivingResidentAsync());
        }

        var responses = await Task.WhenAll(residents.Select(residentId => host.Resident(residentId).RegisterAsync(activityId, Start)));
        var bodies = await Task.WhenAll(responses.Select(response => response.Content.ReadFromJsonAsync<JsonElement>()));
        var roster = await coordinator.RosterAsync(activityId, Start);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Single(bodies, body => body.GetProperty("status").GetString() == "registered");
        var waiting = bodies.Where(body => body.GetProperty("status").GetString() == "waiting").ToList();
        Assert.Equal(9, waiting.Count);
        Assert.Equal(Enumerable.Range(1, 9), waiting.Select(body => body.GetProperty("position").GetInt32()).Order());
        Assert.Single(roster.Ids("registered"));
        Assert.Equal(
            waiting.OrderBy(body => body.GetProperty("position").GetInt32()).Select(body => body.GetProperty("residentId").GetGuid()),
            roster.Ids("waiting"));
        Assert.Equal(0, roster.GetProperty("placesLeft").GetInt32());
    }

    [Fact]
    public async Task Registering_twice_changes_nothing()
    {
        var activityId = await host.Coordinator().PublishAsync(AgendaApi.Single(capacity: 2));
        var residentId = await host.AddLivingResidentAsync();
        var resident = host.Resident(residentId);

        var first = await resident.RegisterAsync(activityId, Start);
        var second = await resident.RegisterAsync(activityId, Start);
        var roster = await host.Coordinator().RosterAsync(activityId, Start);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("registered", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal([residentId], roster.Ids("registered"));
        Assert.Equal(1, roster.GetProperty("placesLeft").GetInt32());
    }

    [Fact]
    public async Task Cancellation_promotes_first_waiting_resident()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Single(capacity: 1));
        var (first, second, third) = (await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync());
        await coordinator.RegisterAsync(activityId, Start, first);
        await host.Resident(second).RegisterAsync(activityId, Start);
        await host.Resident(third).RegisterAsync(activityId, Start);
        using var listening = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var broker = host.Services.GetRequiredService<RealtimeBroker>();
        var notification = broker.Subscribe(BonSecoursHost.ResidenceA, message => message.Audience.Contains($"person:{second}"), listening.Token)
            .GetAsyncEnumerator(listening.Token).MoveNextAsync().AsTask();

        var cancelled = await host.Resident(first).DeleteAsync($"/api/v1/activities/{activityId}/occurrences/{Start}/registrations/{first}");
        var roster = await coordinator.RosterAsync(activityId, Start);
        var registrations = await host.Resident(second).GetFromJsonAsync<List<JsonElement>>($"/api/v1/residents/{second}/registrations");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal([second], roster.Ids("registered"));
        Assert.Equal([third], roster.Ids("waiting"));
        Assert.True(await notification);
        Assert.Equal("registered", registrations!.Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Promotion_reaches_resident_live_stream()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Single(capacity: 1, start: "2027-05-25T15:00:00"));
        var (first, second) = (await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync());
        await coordinator.RegisterAsync(activityId, "2027-05-25T15:00", first);
        await coordinator.RegisterAsync(activityId, "2027-05-25T15:00", second);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await host.Resident(second).GetStreamAsync("/api/v1/agenda/live", timeout.Token);
        using var reader = new StreamReader(stream);
        Assert.Equal("event: connected", await reader.ReadLineAsync(timeout.Token));

        await coordinator.DeleteAsync($"/api/v1/activities/{activityId}/occurrences/2027-05-25T15:00/registrations/{first}");
        var lines = new List<string>();
        while (!lines.Any(line => line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(second.ToString())))
        {
            lines.Add(await reader.ReadLineAsync(timeout.Token) ?? string.Empty);
        }

        Assert.Contains("event: registration-confirmed", lines);
    }

    [Fact]
    public async Task Resident_cannot_register_someone_else()
    {
        var activityId = await host.Coordinator().PublishAsync(AgendaApi.Single());
        var (me, neighbour) = (await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync());

        var register = await host.Resident(me).RegisterAsync(activityId, Start, neighbour);
        var cancel = await host.Resident(me).DeleteAsync($"/api/v1/activities/{activityId}/occurrences/{Start}/registrations/{neighbour}");
        var kiosk = await host.ClientFor(Roles.KioskStaff).RegisterAsync(activityId, Start, me);

        await register.ProblemAsync(HttpStatusCode.Forbidden);
        await cancel.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, kiosk.StatusCode);
    }

    [Fact]
    public async Task Invalid_registrations_are_rejected()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Single());
        var residentId = await host.AddLivingResidentAsync();

        var unknownOccurrence = await coordinator.RegisterAsync(activityId, "2027-05-05T15:00", residentId);
        var unknownResident = await coordinator.RegisterAsync(activityId, Start, Guid.NewGuid());
        var noResident = await coordinator.RegisterAsync(activityId, Start);
        var otherResidence = await host.Coordinator(BonSecoursHost.ResidenceB).RegisterAsync(activityId, Start, residentId);
        var past = await coordinator.PublishAsync(AgendaApi.Single(start: "2020-05-05T15:00:00"));
        var tooLate = await coordinator.RegisterAsync(past, "2020-05-05T15:00", residentId);

        await unknownOccurrence.ProblemAsync(HttpStatusCode.NotFound);
        await unknownResident.ProblemAsync(HttpStatusCode.NotFound);
        await noResident.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await otherResidence.ProblemAsync(HttpStatusCode.NotFound);
        await tooLate.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Attendance_is_recorded_by_coordinator_only()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Single());
        var (present, stranger) = (await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync());
        await coordinator.RegisterAsync(activityId, Start, present);
        var path = $"/api/v1/activities/{activityId}/occurrences/{Start}/attendance";

        var kiosk = await host.ClientFor(Roles.KioskStaff).PostAsJsonAsync(path, new { residentIds = new[] { present } });
        var resident = await host.Resident(present).PostAsJsonAsync(path, new { residentIds = new[] { present } });
        var notRegistered = await coordinator.PostAsJsonAsync(path, new { residentIds = new[] { stranger } });
        var empty = await coordinator.PostAsJsonAsync(path, new { residentIds = Array.Empty<Guid>() });
        var tracked = await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => coordinator.PostAsJsonAsync(path, new { residentIds = new[] { present } })));
        var roster = await coordinator.RosterAsync(activityId, Start);

        Assert.Equal(HttpStatusCode.Forbidden, kiosk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);
        await notRegistered.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await empty.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([present], roster.Ids("attended"));
        Assert.Contains(tracked.AllRecordsInOrder(), record => record.Message is ActivityAttended attended && attended.ResidentId == present);
    }

    [Fact]
    public async Task Registration_publishes_contract_message()
    {
        var activityId = await host.Coordinator().PublishAsync(AgendaApi.Single(start: "2027-06-01T15:00:00"));
        var residentId = await host.AddLivingResidentAsync();

        var tracked = await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => host.Resident(residentId).RegisterAsync(activityId, "2027-06-01T15:00")));

        var message = tracked.AllRecordsInOrder().Select(record => record.Message).OfType<ResidentRegisteredForActivity>().First();
        Assert.Equal(residentId, message.ResidentId);
        Assert.Equal(new DateTimeOffset(2027, 6, 1, 13, 0, 0, TimeSpan.Zero), message.OccurrenceStart);
        Assert.False(message.OnWaitingList);
    }

    [Fact]
    public async Task Registrations_are_visible_to_resident_caregiver_and_staff()
    {
        var activityId = await host.Coordinator().PublishAsync(AgendaApi.Single());
        var caregiverId = Guid.NewGuid();
        var residentId = await host.AddLivingResidentAsync(BonSecoursHost.ResidenceA, caregiverId);
        await host.Resident(residentId).RegisterAsync(activityId, Start);
        var path = $"/api/v1/residents/{residentId}/registrations";

        var self = await host.Resident(residentId).GetAsync(path);
        var caregiver = await host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString()).GetAsync(path);
        var otherCaregiver = await host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, Guid.NewGuid().ToString()).GetAsync(path);
        var neighbour = await host.Resident(await host.AddLivingResidentAsync()).GetAsync(path);
        var staff = await host.ClientFor(Roles.CareStaff).GetAsync(path);
        var otherResidence = await host.Coordinator(BonSecoursHost.ResidenceB).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Equal(HttpStatusCode.OK, caregiver.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        await otherCaregiver.ProblemAsync(HttpStatusCode.Forbidden);
        await neighbour.ProblemAsync(HttpStatusCode.Forbidden);
        await otherResidence.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Loto", (await self.Content.ReadFromJsonAsync<List<JsonElement>>())!.Single().GetProperty("title").GetString());
    }

    [Fact]
    public async Task Moved_out_resident_loses_future_registrations()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var leaving = await admin.RegisterResidentAsync("Marcel", "Dupont");
        var flatId = await admin.RegisterFlatAsync();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => admin.MoveInAsync(leaving, flatId)));
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Single(capacity: 1, start: "2027-07-06T15:00:00"));
        var waiting = await host.AddLivingResidentAsync();
        await coordinator.RegisterAsync(activityId, "2027-07-06T15:00", leaving);
        await coordinator.RegisterAsync(activityId, "2027-07-06T15:00", waiting);

        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                admin.PostAsJsonAsync($"/api/v1/residents/{leaving}/move-out", new { moveOutDate = "2026-12-31" })));
        var roster = await coordinator.RosterAsync(activityId, "2027-07-06T15:00");
        var again = await coordinator.RegisterAsync(activityId, "2027-07-06T15:00", leaving);

        Assert.Equal([waiting], roster.Ids("registered"));
        Assert.Empty(roster.Ids("waiting"));
        await again.ProblemAsync(HttpStatusCode.NotFound);
    }
}
