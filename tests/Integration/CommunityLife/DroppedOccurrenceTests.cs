using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

/// <summary>Registrations end when the coordinator cancels an occurrence, withdraws the activity or changes its schedule.</summary>
public sealed class DroppedOccurrenceTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    private const string Tuesday = "2027-03-23T14:00";

    [Fact]
    public async Task Schedule_change_cancels_dropped_registrations()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly(capacity: 1));
        var (registered, waiting) = (await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync());
        await coordinator.RegisterAsync(activityId, Tuesday, registered);
        await coordinator.RegisterAsync(activityId, Tuesday, waiting);
        var notices = ListenFor(registered, waiting);

        var toWednesday = await coordinator.PutAsJsonAsync($"/api/v1/activities/{activityId}", AgendaApi.Weekly(capacity: 1, days: ["wednesday"]));
        var backToTuesday = await coordinator.PutAsJsonAsync($"/api/v1/activities/{activityId}", AgendaApi.Weekly(capacity: 1));
        var roster = await coordinator.RosterAsync(activityId, Tuesday);

        Assert.Equal(HttpStatusCode.OK, toWednesday.StatusCode);
        Assert.Equal(HttpStatusCode.OK, backToTuesday.StatusCode);
        Assert.Empty(roster.Ids("registered"));
        Assert.Empty(roster.Ids("waiting"));
        Assert.Equal(1, roster.GetProperty("placesLeft").GetInt32());
        var messages = await notices;
        Assert.All(messages, message => Assert.Equal("registration-cancelled", message.Type));
        Assert.Equal(
            "« Atelier tablette » du mardi 23 mars à 14h00 n'a pas lieu. Votre inscription est annulée.",
            JsonSerializer.SerializeToElement(messages[0].Payload).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Schedule_change_keeps_remaining_registrations()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly());
        var residentId = await host.AddLivingResidentAsync();
        await coordinator.RegisterAsync(activityId, Tuesday, residentId);

        var renamed = await coordinator.PutAsJsonAsync($"/api/v1/activities/{activityId}", AgendaApi.Weekly(title: "Atelier tablette et téléphone", capacity: 10));
        var roster = await coordinator.RosterAsync(activityId, Tuesday);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal([residentId], roster.Ids("registered"));
        Assert.Equal(9, roster.GetProperty("placesLeft").GetInt32());
    }

    [Fact]
    public async Task Cancelled_occurrence_cancels_its_registrations()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly());
        var (cancelledOne, nextWeek) = (await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync());
        await coordinator.RegisterAsync(activityId, Tuesday, cancelledOne);
        await coordinator.RegisterAsync(activityId, "2027-03-30T14:00", nextWeek);
        var notices = ListenFor(cancelledOne);

        var cancelled = await coordinator.PostAsync($"/api/v1/activities/{activityId}/occurrences/{Tuesday}/cancel", null);
        var registrations = await host.Resident(cancelledOne).GetFromJsonAsync<List<JsonElement>>($"/api/v1/residents/{cancelledOne}/registrations");
        var untouched = await coordinator.RosterAsync(activityId, "2027-03-30T14:00");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("registration-cancelled", (await notices).Single().Type);
        Assert.Empty(registrations!);
        Assert.Equal([nextWeek], untouched.Ids("registered"));
    }

    [Fact]
    public async Task Withdrawn_activity_cancels_every_registration()
    {
        var coordinator = host.Coordinator();
        var activityId = await coordinator.PublishAsync(AgendaApi.Weekly());
        var (first, second) = (await host.AddLivingResidentAsync(), await host.AddLivingResidentAsync());
        await coordinator.RegisterAsync(activityId, Tuesday, first);
        await coordinator.RegisterAsync(activityId, "2027-03-30T14:00", second);
        var notices = ListenFor(first, second);

        var withdrawn = await coordinator.DeleteAsync($"/api/v1/activities/{activityId}");

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var messages = await notices;
        Assert.Equal(2, messages.Count);
        Assert.All(messages, message => Assert.Equal("registration-cancelled", message.Type));
    }

    // Collects one agenda message for each resident, so the test can check who was notified. The
    // first MoveNextAsync runs before this method returns, because it is what subscribes.
    private async Task<List<RealtimeMessage>> ListenFor(params Guid[] residentIds)
    {
        var broker = host.Services.GetRequiredService<RealtimeBroker>();
        var audiences = residentIds.Select(residentId => $"person:{residentId}").ToHashSet();
        using var listening = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var messages = broker.Subscribe(BonSecoursHost.ResidenceA, message => message.Audience.Any(audiences.Contains), listening.Token)
            .GetAsyncEnumerator(listening.Token);

        var received = new List<RealtimeMessage>();
        while (received.Count < residentIds.Length && await messages.MoveNextAsync())
        {
            received.Add(messages.Current);
        }

        return received;
    }
}
