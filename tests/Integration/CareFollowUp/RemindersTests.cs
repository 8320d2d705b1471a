using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

/// <summary>
/// Reminders are durable Wolverine scheduled messages, polled every 5 seconds by default.
/// Each test sets a two-hour reminder and places the appointment two hours and a few
/// seconds ahead, so the reminder falls due within seconds.
/// </summary>
public sealed class RemindersTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Reminder_fires_once()
    {
        var (residentId, resident) = await ResidentWithTwoHourReminderAsync(host);
        var appointment = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(DateTimeOffset.UtcNow.AddHours(2).AddSeconds(4)));

        var delivered = await WaitForReminderAsync(resident, appointment.Id());
        await Task.Delay(TimeSpan.FromSeconds(6));
        var notifications = await NotificationsAsync(resident);

        Assert.Equal("Rappel de rendez-vous", delivered.GetProperty("title").GetString());
        Assert.Contains("Dr Camille Durand", delivered.GetProperty("body").GetString());
        Assert.Single(notifications, item => item.GetProperty("appointmentId").GetGuid() == appointment.Id());
    }

    [Fact]
    public async Task Reminder_reaches_caregiver_and_can_be_read()
    {
        var (residentId, resident) = await ResidentWithTwoHourReminderAsync(host);
        var caregiverId = await host.ConsentedCaregiverAsync(residentId);
        var caregiver = host.ClientFor(Roles.Caregiver, BonSecoursHost.ResidenceA, caregiverId.ToString());
        var appointment = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(DateTimeOffset.UtcNow.AddHours(2).AddSeconds(3)));

        var delivered = await WaitForReminderAsync(caregiver, appointment.Id());
        var read = await (await resident.PostAsync($"/api/v1/notifications/{delivered.GetProperty("id").GetGuid()}/read", null)).JsonAsync();

        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientFor(Roles.CareStaff).GetAsync("/api/v1/notifications")).StatusCode);
    }

    [Fact]
    public async Task Moved_appointment_withdraws_reminder()
    {
        var (residentId, resident) = await ResidentWithTwoHourReminderAsync(host);
        var soon = DateTimeOffset.UtcNow.AddHours(2);
        var moved = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(soon.AddSeconds(3)));
        var control = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(soon.AddSeconds(5)));

        var response = await resident.PutAsJsonAsync($"/api/v1/appointments/{moved.Id()}", AppointmentsApi.Body(residentId, AppointmentsApi.LocalInDays(3)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The control reminder falls due after the withdrawn one, so once it arrives the other was handled.
        await WaitForReminderAsync(resident, control.Id());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(await NotificationsAsync(resident), item => item.GetProperty("appointmentId").GetGuid() == moved.Id());
    }

    [Fact]
    public async Task Cancelled_appointment_withdraws_reminder()
    {
        var (residentId, resident) = await ResidentWithTwoHourReminderAsync(host);
        var soon = DateTimeOffset.UtcNow.AddHours(2);
        var cancelled = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(soon.AddSeconds(3)));
        var control = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(soon.AddSeconds(5)));

        Assert.Equal(HttpStatusCode.OK, (await resident.DeleteAsync($"/api/v1/appointments/{cancelled.Id()}")).StatusCode);

        await WaitForReminderAsync(resident, control.Id());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(await NotificationsAsync(resident), item => item.GetProperty("appointmentId").GetGuid() == cancelled.Id());
    }

    [Fact]
    public async Task Move_out_withdraws_reminders()
    {
        var (residentId, resident) = await ResidentWithTwoHourReminderAsync(host);
        var (neighbourId, neighbour) = await ResidentWithTwoHourReminderAsync(host);
        var soon = DateTimeOffset.UtcNow.AddHours(2);
        var withdrawn = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(soon.AddSeconds(4)));
        var control = await neighbour.ScheduledAsync(neighbourId, AppointmentsApi.LocalAt(soon.AddSeconds(6)));

        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                host.ClientFor(Roles.Administrator).PostAsJsonAsync($"/api/v1/residents/{residentId}/move-out", new { moveOutDate = "2026-12-31" })));

        await WaitForReminderAsync(neighbour, control.Id());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(await NotificationsAsync(resident), item => item.GetProperty("appointmentId").GetGuid() == withdrawn.Id());
    }

    [Fact]
    public async Task Reminder_reaches_live_stream()
    {
        var (residentId, resident) = await ResidentWithTwoHourReminderAsync(host);
        using var timeout = new CancellationTokenSource(DeliveryTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications/stream");
        using var stream = await resident.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));

        var appointment = await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(DateTimeOffset.UtcNow.AddHours(2).AddSeconds(3)));

        string? line;
        var eventName = string.Empty;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (eventName == "appointment-reminder" && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.Contains(appointment.Id().ToString(), line);
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("The stream ended without an appointment-reminder event.");
    }

    [Fact]
    public async Task Reminder_settings_validated()
    {
        var (residentId, resident) = await ResidentWithTwoHourReminderAsync(host);

        var invalid = await resident.PutAsJsonAsync($"/api/v1/residents/{residentId}/reminder-settings", new { dayBeforeAt = "18h", hoursBefore = new[] { 0 } });
        var denied = await host.ClientFor(Roles.KioskStaff).PutAsJsonAsync($"/api/v1/residents/{residentId}/reminder-settings", new { dayBeforeAt = "18:00", hoursBefore = new[] { 2 } });

        var problem = await invalid.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("dayBeforeAt", out _));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Pending_reminder_survives_restart()
    {
        Guid residentId;
        Guid appointmentId;
        string connectionString;
        await using (var first = new BonSecoursHost())
        {
            await first.InitializeAsync();
            connectionString = first.ConnectionString;
            (residentId, var resident) = await ResidentWithTwoHourReminderAsync(first);
            appointmentId = (await resident.ScheduledAsync(residentId, AppointmentsApi.LocalAt(DateTimeOffset.UtcNow.AddHours(2).AddSeconds(8)))).Id();
            Assert.Empty(await NotificationsAsync(resident));
        }

        await using var second = new BonSecoursHost { ExistingConnectionString = connectionString };
        await second.InitializeAsync();
        var again = second.ResidentClient(residentId);

        await WaitForReminderAsync(again, appointmentId);
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Single(await NotificationsAsync(again), item => item.GetProperty("appointmentId").GetGuid() == appointmentId);
    }

    private static async Task<(Guid ResidentId, HttpClient Resident)> ResidentWithTwoHourReminderAsync(BonSecoursHost target)
    {
        var residentId = await target.ResidentWithCareFileAsync();
        var resident = target.ResidentClient(residentId);
        var settings = await resident.PutAsJsonAsync($"/api/v1/residents/{residentId}/reminder-settings", new { dayBeforeAt = (string?)null, hoursBefore = new[] { 2 } });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        return (residentId, resident);
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/notifications")).JsonAsync()).EnumerateArray().ToList();

    private static async Task<JsonElement> WaitForReminderAsync(HttpClient client, Guid appointmentId)
    {
        var deadline = DateTimeOffset.UtcNow + DeliveryTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var match = (await NotificationsAsync(client)).FirstOrDefault(item => item.GetProperty("appointmentId").GetGuid() == appointmentId);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new Xunit.Sdk.XunitException($"No reminder for appointment {appointmentId} within {DeliveryTimeout}.");
    }
}
