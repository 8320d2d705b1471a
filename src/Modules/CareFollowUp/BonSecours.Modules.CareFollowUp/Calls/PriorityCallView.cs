using BonSecours.Modules.CareFollowUp.Settings;

namespace BonSecours.Modules.CareFollowUp.Calls;

/// <summary>
/// A call as the board and the resident's portal show it. <see cref="ResidentMessage"/> is
/// the easy-read French sentence for the resident.
/// </summary>
internal sealed record PriorityCallView(
    Guid Id,
    Guid ResidentId,
    bool IsTest,
    CallStatus Status,
    DateTimeOffset RaisedAt,
    long SecondsSinceRaised,
    string? FlatNumber,
    int? Floor,
    int Level,
    EscalationTarget CurrentTarget,
    IReadOnlyList<EscalationStep> Escalations,
    string? AcknowledgedBy,
    string? AcknowledgedByName,
    DateTimeOffset? AcknowledgedAt,
    int? AcknowledgedAtLevel,
    double? SecondsToAcknowledge,
    CallOutcome? Outcome,
    DateTimeOffset? ClosedAt,
    string ResidentMessage)
{
    public static PriorityCallView From(PriorityCall call, DateTimeOffset now) => new(
        call.Id,
        call.ResidentId,
        call.IsTest,
        call.Status,
        call.RaisedAt,
        (long)Math.Max(0, (now - call.RaisedAt).TotalSeconds),
        call.FlatNumber,
        call.Floor,
        call.Level,
        call.Escalations.LastOrDefault()?.Target ?? EscalationTarget.OnDutyStaff,
        call.Escalations,
        call.AcknowledgedBy,
        call.AcknowledgedByName,
        call.AcknowledgedAt,
        call.AcknowledgedAtLevel,
        call.SecondsToAcknowledge,
        call.Outcome,
        call.ClosedAt,
        ResidentMessageOf(call));

    /// <summary>Short, common words (FALC): what happened to the call and what comes next.</summary>
    public static string ResidentMessageOf(PriorityCall call)
    {
        var test = call.IsTest ? "C'est un appel de test. " : string.Empty;
        return call.Status switch
        {
            CallStatus.Acknowledged => $"{test}Votre appel a été vu par {call.AcknowledgedByName}. Quelqu'un arrive.",
            CallStatus.Closed => $"{test}Votre appel est terminé. Merci.",
            _ when call.Level > 0 => $"{test}Votre appel est bien parti. Nous prévenons d'autres personnes.",
            _ => $"{test}Votre appel est bien parti. L'équipe est prévenue.",
        };
    }
}
