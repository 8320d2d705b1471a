using BonSecours.BuildingBlocks.Realtime;

namespace BonSecours.Modules.CareFollowUp.Alerts;

/// <summary>Sends staff alerts to the portals connected to the <c>care</c> live stream.</summary>
internal sealed class RealtimeAlertChannel(RealtimeBroker broker, TimeProvider clock) : IStaffAlertChannel
{
    public const string Topic = "care";

    public Task SendAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        var audience = alert.Roles
            .Concat(alert.UserIds.Select(userId => $"user:{userId}"))
            .Concat(alert.PersonIds.Select(personId => $"person:{personId}"))
            .ToList();
        broker.Publish(new RealtimeMessage(alert.Residence, Topic, alert.Kind, audience, alert.Payload, clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
