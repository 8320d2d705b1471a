using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Settings;

namespace BonSecours.Modules.CareFollowUp.Calls;

internal enum CallStatus
{
    /// <summary>Raised and not yet seen by anyone.</summary>
    Open,
    Acknowledged,
    Closed,
}

/// <summary>One escalation level reached by a call, and whom it alerted.</summary>
internal sealed record EscalationStep(int Level, EscalationTarget Target, DateTimeOffset At, AlertTargets Targets);

/// <summary>
/// A priority call's event-sourced state, also stored inline as a document for the board and
/// the statistics. Decision methods check the rules and return the event to append.
/// </summary>
internal sealed class PriorityCall
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid ResidentId { get; set; }

    public bool IsTest { get; set; }

    public string RaisedBy { get; set; } = string.Empty;

    public DateTimeOffset RaisedAt { get; set; }

    public string? FlatNumber { get; set; }

    public int? Floor { get; set; }

    public CallStatus Status { get; set; }

    /// <summary>The escalation level reached: 0 until the first escalation.</summary>
    public int Level { get; set; }

    public List<EscalationStep> Escalations { get; set; } = [];

    public List<string> AlertedUserIds { get; set; } = [];

    public List<Guid> AlertedPersonIds { get; set; } = [];

    public List<string> AlertedRoles { get; set; } = [];

    public string? AcknowledgedBy { get; set; }

    public string? AcknowledgedByName { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public int? AcknowledgedAtLevel { get; set; }

    public double? SecondsToAcknowledge { get; set; }

    public CallOutcome? Outcome { get; set; }

    public string? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int EscalationCount => Escalations.Count(step => step.Level > 0);

    public static PriorityCall Create(PriorityCallRaised raised)
    {
        var call = new PriorityCall
        {
            Id = raised.CallId,
            ResidentId = raised.ResidentId,
            IsTest = raised.IsTest,
            RaisedBy = raised.RaisedBy,
            RaisedAt = raised.RaisedAt,
            FlatNumber = raised.FlatNumber,
            Floor = raised.Floor,
            Status = CallStatus.Open,
        };
        call.Remember(new EscalationStep(0, EscalationTarget.OnDutyStaff, raised.RaisedAt, raised.Targets));
        return call;
    }

    public void Apply(PriorityCallEscalated escalated)
    {
        Level = escalated.Level;
        Remember(new EscalationStep(escalated.Level, escalated.Target, escalated.At, escalated.Targets));
    }

    public void Apply(PriorityCallAcknowledged acknowledged)
    {
        Status = CallStatus.Acknowledged;
        AcknowledgedBy = acknowledged.By;
        AcknowledgedByName = acknowledged.ByName;
        AcknowledgedAt = acknowledged.At;
        AcknowledgedAtLevel = acknowledged.Level;
        SecondsToAcknowledge = (acknowledged.At - RaisedAt).TotalSeconds;
    }

    public void Apply(PriorityCallClosed closed)
    {
        Status = CallStatus.Closed;
        Outcome = closed.Outcome;
        ClosedBy = closed.By;
        ClosedAt = closed.At;
    }

    /// <summary>True when the call still waits at <paramref name="expectedLevel"/>, so its timer should escalate it.</summary>
    public bool AwaitsEscalationFrom(int expectedLevel) => Status == CallStatus.Open && Level == expectedLevel;

    public bool WasAlerted(string userId, Guid? personId) =>
        AlertedUserIds.Contains(userId) || (personId is { } id && AlertedPersonIds.Contains(id));

    public PriorityCallAcknowledged Acknowledge(string by, string byName, string byRole, DateTimeOffset at)
    {
        if (Status != CallStatus.Open)
        {
            throw AlreadyAcknowledged();
        }

        return new PriorityCallAcknowledged(by, byName, byRole, at, Level);
    }

    public PriorityCallClosed Close(CallOutcome outcome, string by, DateTimeOffset at)
    {
        if (Status == CallStatus.Closed)
        {
            throw new ConflictException("priority-call.already-closed", new LocalizedText(
                $"Cet appel a déjà été clos à {ParisTime.ToLocal(ClosedAt!.Value):HH:mm:ss} (heure de Paris).",
                $"This call was already closed at {ParisTime.ToLocal(ClosedAt!.Value):HH:mm:ss} (Paris time)."));
        }

        if (Status == CallStatus.Open)
        {
            throw new DomainRuleException("priority-call.not-acknowledged", new LocalizedText(
                "Cet appel n'a pas encore été pris en charge. Prenez-le en charge avant de le clore.",
                "This call has not been acknowledged yet. Acknowledge it before closing it."));
        }

        return new PriorityCallClosed(outcome, by, at);
    }

    /// <summary>Builds the 409 that tells a late acknowledger who saw the call first, and when.</summary>
    public ConflictException AlreadyAcknowledged() =>
        AcknowledgedAt is { } at
            ? new ConflictException("priority-call.already-acknowledged", new LocalizedText(
                $"Cet appel a déjà été pris en charge par {AcknowledgedByName} ({AcknowledgedBy}) à {ParisTime.ToLocal(at):HH:mm:ss} (heure de Paris). Vous n'avez rien à faire.",
                $"This call was already acknowledged by {AcknowledgedByName} ({AcknowledgedBy}) at {ParisTime.ToLocal(at):HH:mm:ss} (Paris time). Nothing more to do."))
            : new ConflictException("priority-call.already-acknowledged", new LocalizedText(
                "Cet appel a déjà été pris en charge.",
                "This call was already acknowledged."));

    private void Remember(EscalationStep step)
    {
        Escalations.Add(step);
        AlertedUserIds = [.. AlertedUserIds.Union(step.Targets.UserIds)];
        AlertedPersonIds = [.. AlertedPersonIds.Union(step.Targets.PersonIds)];
        AlertedRoles = [.. AlertedRoles.Union(step.Targets.Roles)];
    }
}
