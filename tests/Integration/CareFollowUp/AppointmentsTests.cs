using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

public sealed class AppointmentsTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    [Fact]
    public async Task Resident_manages_own_appointment()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var resident = host.ResidentClient(residentId);
        var localStart = AppointmentsApi.LocalInDays(5);

        var created = await resident.ScheduledAsync(residentId, localStart);
        Assert.Equal($"{localStart}:00", created.GetProperty("localStart").GetString());
        Assert.Equal("Europe/Paris", created.GetProperty("timeZone").GetString());
        Assert.Equal("Cardiologie", created.GetProperty("specialty").GetString());

        var read = await resident.GetAsync($"/api/v1/appointments/{created.Id()}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        var moved = await resident.SendRawAsync(HttpMethod.Put, $"/api/v1/appointments/{created.Id()}",
            JsonSerializer.Serialize(AppointmentsApi.Body(residentId, AppointmentsApi.LocalInDays(6, 9, 0), 45)), ifMatch: "\"1\"");
        var movedView = await moved.JsonAsync();
        Assert.Equal($"{AppointmentsApi.LocalInDays(6, 9, 0)}:00", movedView.GetProperty("localStart").GetString());
        Assert.Equal(45, movedView.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(2, movedView.GetProperty("version").GetInt64());

        var stale = await resident.SendRawAsync(HttpMethod.Put, $"/api/v1/appointments/{created.Id()}",
            JsonSerializer.Serialize(AppointmentsApi.Body(residentId, AppointmentsApi.LocalInDays(7))), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var cancelled = await (await resident.DeleteAsync($"/api/v1/appointments/{created.Id()}")).JsonAsync();
        Assert.True(cancelled.GetProperty("cancelled").GetBoolean());

        var own = await (await resident.GetAsync("/api/v1/appointments")).JsonAsync();
        Assert.Contains(own.EnumerateArray(), item => item.Id() == created.Id() && item.GetProperty("cancelled").GetBoolean());
    }

    [Theory]
    [InlineData(Roles.CareStaff)]
    [InlineData(Roles.OnCall)]
    [InlineData(Roles.Administrator)]
    public async Task Care_staff_manage_appointments(string role)
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var staff = host.ClientFor(role);

        var created = await staff.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(4));
        var moved = await staff.PutAsJsonAsync($"/api/v1/appointments/{created.Id()}", AppointmentsApi.Body(residentId, AppointmentsApi.LocalInDays(5)));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var cancelled = await staff.PostAsync($"/api/v1/appointments/{created.Id()}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var list = await (await staff.GetAsync($"/api/v1/appointments?residentId={residentId}")).JsonAsync();
        Assert.Single(list.EnumerateArray());
    }

    [Fact]
    public async Task Consented_caregiver_manages_appointments()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var caregiverId = await host.ConsentedCaregiverAsync(residentId);
        var caregiver = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString());

        var created = await caregiver.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(8));
        var moved = await caregiver.PutAsJsonAsync($"/api/v1/appointments/{created.Id()}", AppointmentsApi.Body(residentId, AppointmentsApi.LocalInDays(9)));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var cancelled = await caregiver.DeleteAsync($"/api/v1/appointments/{created.Id()}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Theory]
    [InlineData(Roles.KioskStaff)]
    [InlineData(Roles.Researcher)]
    [InlineData(Roles.ActivityCoordinator)]
    public async Task Other_roles_get_403(string role)
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var appointment = await host.ClientFor(Roles.CareStaff).ScheduledAsync(residentId, AppointmentsApi.LocalInDays(3));
        var client = host.ClientFor(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.ScheduleAsync(residentId, AppointmentsApi.LocalInDays(3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/appointments?residentId={residentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/appointments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/appointments/{appointment.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/appointments/{appointment.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Other_residence_gets_404()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var appointment = await host.ClientFor(Roles.CareStaff).ScheduledAsync(residentId, AppointmentsApi.LocalInDays(3));
        var elsewhere = host.ClientFor(Roles.CareStaff, BonSecoursHost.ResidenceB);

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.ScheduleAsync(residentId, AppointmentsApi.LocalInDays(3))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/appointments/{appointment.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.DeleteAsync($"/api/v1/appointments/{appointment.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Withdrawn_consent_gets_403()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var caregiverId = await host.ConsentedCaregiverAsync(residentId);
        var caregiver = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString());
        var appointment = await caregiver.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(3));

        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                host.ClientFor(Roles.Administrator).DeleteAsync($"/api/v1/residents/{residentId}/caregivers/{caregiverId}")));

        var denied = await caregiver.GetAsync($"/api/v1/appointments/{appointment.Id()}");
        var problem = await denied.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("réservées", problem.Text("detail"));
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.ScheduleAsync(residentId, AppointmentsApi.LocalInDays(4))).StatusCode);
    }

    [Theory]
    [InlineData("practitioner", """{"residentId":"RID","specialty":"Cardiologie","localStart":"2027-03-15T14:30","durationMinutes":30}""")]
    [InlineData("durationMinutes", """{"residentId":"RID","practitioner":"Dr Durand","specialty":"Cardiologie","localStart":"2027-03-15T14:30","durationMinutes":0}""")]
    [InlineData("localStart", """{"residentId":"RID","practitioner":"Dr Durand","specialty":"Cardiologie","localStart":"15/03/2027 14h30","durationMinutes":30}""")]
    [InlineData("localStart", """{"residentId":"RID","practitioner":"Dr Durand","specialty":"Cardiologie","localStart":"2027-03-15T14:30+01:00","durationMinutes":30}""")]
    public async Task Invalid_body_gets_french_400(string field, string json)
    {
        var residentId = await host.ResidentWithCareFileAsync();

        var response = await host.ClientFor(Roles.CareStaff).PostRawAsync("/api/v1/appointments", json.Replace("RID", residentId.ToString()));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Corrigez les champs signalés puis réessayez.", problem.Text("detail"));
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(message => message.GetString()).ToList();
        Assert.NotEmpty(messages);
        Assert.DoesNotContain(messages, message => message!.Contains("must", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spring_forward_gap_gets_422()
    {
        var residentId = await host.ResidentWithCareFileAsync();

        var response = await host.ClientFor(Roles.CareStaff).ScheduleAsync(residentId, "2027-03-28T02:30");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("n'existe pas", problem.Text("detail"));
    }

    [Fact]
    public async Task Fall_back_overlap_needs_choice()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var staff = host.ClientFor(Roles.CareStaff);

        var ambiguous = await staff.ScheduleAsync(residentId, "2027-10-31T02:30");
        var problem = await ambiguous.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("existe deux fois", problem.Text("detail"));

        var earlier = await (await staff.ScheduleAsync(residentId, "2027-10-31T02:30", ambiguousTimeChoice: "earlier")).JsonAsync(HttpStatusCode.Created);
        var later = await (await staff.ScheduleAsync(residentId, "2027-10-31T02:30", ambiguousTimeChoice: "later")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), earlier.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero), later.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("2027-10-31T02:30:00", later.GetProperty("localStart").GetString());
    }

    [Fact]
    public async Task Winter_and_summer_times_convert()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var staff = host.ClientFor(Roles.CareStaff);

        var winter = await staff.ScheduledAsync(residentId, "2027-03-15T14:30");
        var summer = await staff.ScheduledAsync(residentId, "2027-07-15T14:30");

        Assert.Equal(new DateTimeOffset(2027, 3, 15, 13, 30, 0, TimeSpan.Zero), winter.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 7, 15, 12, 30, 0, TimeSpan.Zero), summer.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Overlapping_appointments_reported()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var staff = host.ClientFor(Roles.CareStaff);
        var first = await staff.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(12, 10, 0), 60);

        var second = await staff.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(12, 10, 30), 30);
        var third = await staff.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(12, 11, 0), 30);

        Assert.Equal([first.Id()], second.GetProperty("overlaps").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Empty(third.GetProperty("overlaps").EnumerateArray());
        var firstRead = await (await staff.GetAsync($"/api/v1/appointments/{first.Id()}")).JsonAsync();
        Assert.Equal([second.Id()], firstRead.GetProperty("overlaps").EnumerateArray().Select(id => id.GetGuid()));
    }

    [Fact]
    public async Task Staff_list_upcoming_of_residence()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var other = await host.ResidentWithCareFileAsync();
        var staff = host.ClientFor(Roles.CareStaff);
        var mine = await staff.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(2));
        var theirs = await staff.ScheduledAsync(other, AppointmentsApi.LocalInDays(2));

        var all = await (await staff.GetAsync("/api/v1/appointments")).JsonAsync();
        var own = await (await host.ResidentClient(residentId).GetAsync("/api/v1/appointments")).JsonAsync();

        Assert.Contains(all.EnumerateArray(), item => item.Id() == mine.Id());
        Assert.Contains(all.EnumerateArray(), item => item.Id() == theirs.Id());
        Assert.Equal([mine.Id()], own.EnumerateArray().Select(item => item.Id()));
    }

    [Fact]
    public async Task Every_access_is_logged()
    {
        var residentId = await host.ResidentWithCareFileAsync();
        var resident = host.ResidentClient(residentId);
        var appointment = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalInDays(3));
        await host.ClientFor(Roles.CareStaff).GetAsync($"/api/v1/appointments/{appointment.Id()}");
        await resident.GetAsync("/api/v1/appointments");

        var log = await (await host.ClientFor(Roles.Auditor).GetAsync($"/api/v1/residents/{residentId}/health-data-access")).JsonAsync();

        var entries = log.EnumerateArray().Select(entry => (entry.GetProperty("role").GetString(), entry.GetProperty("what").GetString())).ToList();
        Assert.Contains((Roles.Resident, "appointments.schedule"), entries);
        Assert.Contains((Roles.CareStaff, "appointments.read"), entries);
        Assert.Contains((Roles.Resident, "appointments.list"), entries);
    }
}
