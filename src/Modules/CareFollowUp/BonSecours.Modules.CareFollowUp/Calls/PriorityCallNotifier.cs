using BonSecours.BuildingBlocks.Realtime;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Alerts;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CareFollowUp.Calls;

/// <summary>
/// Tells people about a call once its change is committed: alerts to the level's targets on
/// every registered channel, board updates to the care team, and the resident's own status.
/// </summary>
internal sealed class PriorityCallNotifier(
    IEnumerable<IStaffAlertChannel> channels, RealtimeBroker broker, TimeProvider clock, ILogger<PriorityCallNotifier> logger)
{
    public const string RaisedKind = "priority-call-raised";
    public const string EscalatedKind = "priority-call-escalated";
    public const string UpdatedKind = "priority-call-updated";
    public const string ResidentStatusKind = "priority-call-status";

    private static readonly string[] CareTeam = [Roles.Administrator, Roles.CareStaff, Roles.OnCall];

    /// <summary>Alerts the targets of <paramref name="step"/>; one failing channel does not stop the others.</summary>
    public async Task AlertAsync(string residence, PriorityCall call, EscalationStep step, CancellationToken cancellationToken)
    {
        var kind = step.Level == 0 ? RaisedKind : EscalatedKind;
        var prefix = call.IsTest ? "TEST – " : string.Empty;
        var title = step.Level == 0 ? $"{prefix}Appel prioritaire" : $"{prefix}Appel prioritaire sans réponse (niveau {step.Level})";
        var body = $"Logement {call.FlatNumber ?? "inconnu"}, étage {call.Floor?.ToString() ?? "inconnu"}.";
        var payload = new
        {
            callId = call.Id,
            residentId = call.ResidentId,
            flatNumber = call.FlatNumber,
            floor = call.Floor,
            level = step.Level,
            isTest = call.IsTest,
            raisedAt = call.RaisedAt,
            title,
        };
        var alert = new StaffAlert(
            residence, step.Targets.UserIds, step.Targets.PersonIds, step.Targets.Roles,
            kind, title, body, $"/soins/appels/{call.Id}", $"priority-call-{call.Id}", payload);

        foreach (var channel in channels)
        {
            try
            {
                await channel.SendAsync(alert, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Alert channel {Channel} failed to send {Kind} for priority call {CallId} in {Residence}",
                    channel.GetType().Name, kind, call.Id, residence);
            }
        }
    }

    /// <summary>Pushes the call's new state to the care team's board and to the resident's portal.</summary>
    public void PublishUpdate(string residence, PriorityCall call)
    {
        var now = clock.GetUtcNow();
        var view = PriorityCallView.From(call, now);
        broker.Publish(new RealtimeMessage(residence, RealtimeAlertChannel.Topic, UpdatedKind, CareTeam, view, now));
        broker.Publish(new RealtimeMessage(residence, RealtimeAlertChannel.Topic, ResidentStatusKind, [$"person:{call.ResidentId}"], view, now));
    }
}
