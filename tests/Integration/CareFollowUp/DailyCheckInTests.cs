using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Alerts;
using BonSecours.Modules.CareFollowUp.CheckIns;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wolverine;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

/// <summary>The Host on a fake clock, with a channel that records every staff alert.</summary>
public sealed class CheckInClockHost : BonSecoursHost
{
    /// <summary>
    /// Starts at 08:00 in Paris tomorrow: deadlines set by the tests fall later that morning,
    /// so no test crosses midnight, and the deadline messages Wolverine schedules on real time
    /// stay in the future instead of firing during the run.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(ParisTime.DeadlineOn(ParisTime.Today(TimeProvider.System).AddDays(1), new TimeOnly(8, 0)));

    internal RecordingAlertChannel Alerts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStaffAlertChannel>(Alerts);
        });
    }
}

internal sealed class RecordingAlertChannel : IStaffAlertChannel
{
    public ConcurrentBag<StaffAlert> Sent { get; } = [];

    public Task SendAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        Sent.Add(alert);
        return Task.CompletedTask;
    }
}

public sealed class DailyCheckInTests(CheckInClockHost host) : IClassFixture<CheckInClockHost>
{
    [Fact]
    public async Task Second_tap_returns_same_check_in()
    {
        var residentId = await RegisterLivingResidentAsync();
        var resident = host.ClientFor(Roles.Resident, personId: residentId.ToString());
        var enabled = await resident.PutAsJsonAsync($"/api/v1/residents/{residentId}/daily-check-in", Settings("11:00"));

        var first = await resident.PostAsync("/api/v1/check-ins", null);
        var second = await resident.PostAsync("/api/v1/check-ins", null);
        var firstView = await first.Content.ReadFromJsonAsync<JsonElement>();
        var secondView = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal("11:00", (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deadline").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstView.GetProperty("id").GetGuid(), secondView.GetProperty("id").GetGuid());
        Assert.Equal(firstView.GetProperty("checkedInAt").GetDateTimeOffset(), secondView.GetProperty("checkedInAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Missing_list_after_deadline_counts_activity_when_chosen()
    {
        var nurse = host.ClientFor(Roles.CareStaff);
        var deadline = DeadlineInHalfAnHour();
        var silent = await RegisterLivingResidentAsync();
        var checkedIn = await RegisterLivingResidentAsync();
        var activeCounted = await RegisterLivingResidentAsync();
        var activeNotCounted = await RegisterLivingResidentAsync();
        await nurse.PutAsJsonAsync($"/api/v1/residents/{silent}/daily-check-in", Settings(deadline));
        await nurse.PutAsJsonAsync($"/api/v1/residents/{checkedIn}/daily-check-in", Settings(deadline));
        await nurse.PutAsJsonAsync($"/api/v1/residents/{activeCounted}/daily-check-in", Settings(deadline, portalActivityCounts: true));
        await nurse.PutAsJsonAsync($"/api/v1/residents/{activeNotCounted}/daily-check-in", Settings(deadline));
        await host.ClientFor(Roles.Resident, personId: checkedIn.ToString()).PostAsync("/api/v1/check-ins", null);
        await host.ClientFor(Roles.Resident, personId: activeCounted.ToString()).PostAsync("/api/v1/check-ins/activity", null);
        await host.ClientFor(Roles.Resident, personId: activeNotCounted.ToString()).PostAsync("/api/v1/check-ins/activity", null);
        var beforeDeadline = await MissingAsync(nurse);

        host.Clock.Advance(TimeSpan.FromMinutes(45));
        var afterDeadline = await MissingAsync(nurse);

        Assert.DoesNotContain(silent, beforeDeadline);
        Assert.Contains(silent, afterDeadline);
        Assert.Contains(activeNotCounted, afterDeadline);
        Assert.DoesNotContain(checkedIn, afterDeadline);
        Assert.DoesNotContain(activeCounted, afterDeadline);
    }

    [Fact]
    public async Task Missed_deadline_notifies_caregiver_once()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var caregiverId = await admin.RegisterCaregiverAsync();
        var residentId = await RegisterLivingResidentAsync(caregiverId);
        var caregiver = host.CreateClient().WithToken(TestTokens.For(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString(), caregiverId.ToString()));
        var enabled = await caregiver.PutAsJsonAsync($"/api/v1/residents/{residentId}/daily-check-in", Settings(DeadlineInHalfAnHour()));
        host.Clock.Advance(TimeSpan.FromMinutes(45));
        var due = new CheckInDeadlineDue(residentId, ParisTime.Today(host.Clock), Generation: 1);

        await InvokeDeadlineAsync(due);
        await InvokeDeadlineAsync(due);
        var alerts = host.Alerts.Sent.Where(alert => alert.PersonIds.Contains(caregiverId)).ToList();
        await using var session = host.Services.GetRequiredService<ICareFollowUpStore>().QuerySession(BonSecoursHost.ResidenceA);
        var notifications = await session.Query<CaregiverNotification>().Where(notification => notification.ResidentId == residentId).ToListAsync();

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var alert = Assert.Single(alerts);
        Assert.Equal("check-in-missed", alert.Kind);
        Assert.Empty(alert.Roles);
        Assert.Equal(caregiverId, Assert.Single(notifications).CaregiverId);
    }

    [Fact]
    public async Task Check_in_before_deadline_notifies_nobody()
    {
        var admin = host.ClientFor(Roles.Administrator);
        var caregiverId = await admin.RegisterCaregiverAsync();
        var residentId = await RegisterLivingResidentAsync(caregiverId);
        var resident = host.ClientFor(Roles.Resident, personId: residentId.ToString());
        await resident.PutAsJsonAsync($"/api/v1/residents/{residentId}/daily-check-in", Settings(DeadlineInHalfAnHour()));
        await resident.PostAsync("/api/v1/check-ins", null);
        host.Clock.Advance(TimeSpan.FromMinutes(45));

        await InvokeDeadlineAsync(new CheckInDeadlineDue(residentId, ParisTime.Today(host.Clock), Generation: 1));

        Assert.DoesNotContain(host.Alerts.Sent, alert => alert.UserIds.Contains(caregiverId.ToString()));
    }

    [Fact]
    public async Task Activity_coordinator_is_forbidden()
    {
        var residentId = await RegisterLivingResidentAsync();

        var change = await host.ClientFor(Roles.ActivityCoordinator).PutAsJsonAsync($"/api/v1/residents/{residentId}/daily-check-in", Settings("11:00"));
        var missing = await host.ClientFor(Roles.ActivityCoordinator).GetAsync("/api/v1/check-ins/missing");
        var checkIn = await host.ClientFor(Roles.CareStaff).PostAsync("/api/v1/check-ins", null);

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, checkIn.StatusCode);
    }

    [Fact]
    public async Task Other_residence_gets_not_found()
    {
        var residentId = await RegisterLivingResidentAsync();

        var response = await host.ClientFor(Roles.CareStaff, BonSecoursHost.ResidenceB).PutAsJsonAsync($"/api/v1/residents/{residentId}/daily-check-in", Settings("11:00"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_deadline_is_rejected_in_french()
    {
        var residentId = await RegisterLivingResidentAsync();

        var response = await host.ClientFor(Roles.CareStaff).PutAsJsonAsync($"/api/v1/residents/{residentId}/daily-check-in", Settings("25:00"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("heure limite", problem.GetProperty("errors").GetProperty("deadline")[0].GetString());
    }

    [Fact]
    public async Task Priority_call_counts_when_chosen()
    {
        var nurse = host.ClientFor(Roles.CareStaff);
        var deadline = DeadlineInHalfAnHour();
        var counted = await RegisterLivingResidentAsync();
        var notCounted = await RegisterLivingResidentAsync();
        await nurse.PutAsJsonAsync($"/api/v1/residents/{counted}/daily-check-in", new { enabled = true, deadline, portalActivityCounts = false, priorityCallCounts = true });
        await nurse.PutAsJsonAsync($"/api/v1/residents/{notCounted}/daily-check-in", Settings(deadline));

        foreach (var residentId in new[] { counted, notCounted })
        {
            var resident = host.ClientFor(Roles.Resident, personId: residentId.ToString());
            await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
                Assert.True((await resident.PostAsync("/api/v1/priority-calls", null)).IsSuccessStatusCode)));
        }

        host.Clock.Advance(TimeSpan.FromMinutes(45));
        var missing = await MissingAsync(nurse);

        Assert.DoesNotContain(counted, missing);
        Assert.Contains(notCounted, missing);
    }

    private static object Settings(string deadline, bool portalActivityCounts = false) =>
        new { enabled = true, deadline, portalActivityCounts, priorityCallCounts = false };

    /// <summary>A deadline 30 minutes after the fake clock's now, so advancing 45 minutes passes it.</summary>
    private string DeadlineInHalfAnHour()
    {
        var paris = TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow().AddMinutes(30), ParisTime.Zone);
        return paris.ToString("HH:mm");
    }

    private static async Task<List<Guid>> MissingAsync(HttpClient nurse)
    {
        var response = await nurse.GetAsync("/api/v1/check-ins/missing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await response.Content.ReadFromJsonAsync<JsonElement>();
        return entries.EnumerateArray().Select(entry => entry.GetProperty("residentId").GetGuid()).ToList();
    }

    private Task InvokeDeadlineAsync(CheckInDeadlineDue due) =>
        host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(context => context.InvokeForTenantAsync(BonSecoursHost.ResidenceA, due)));

    private async Task<Guid> RegisterLivingResidentAsync(Guid? caregiverId = null)
    {
        var admin = host.ClientFor(Roles.Administrator);
        var residentId = await admin.RegisterResidentAsync();
        var flatId = await admin.RegisterFlatAsync();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            {
                await admin.MoveInAsync(residentId, flatId);
                if (caregiverId is { } id)
                {
                    await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId = id, consentMethod = "signedForm" });
                }
            }));
        return residentId;
    }
}
