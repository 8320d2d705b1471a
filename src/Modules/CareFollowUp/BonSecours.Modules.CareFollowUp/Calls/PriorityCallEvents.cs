using BonSecours.Modules.CareFollowUp.Settings;

namespace BonSecours.Modules.CareFollowUp.Calls;

// Events of a priority call's stream. They carry ids, places and times, never a name or
// anything medical, because the stream is kept for statistics long after the call.

/// <summary>Who one alert reached: staff by user id, caregivers by caregiver id, or whole roles when nobody was named.</summary>
internal sealed record AlertTargets(IReadOnlyList<string> UserIds, IReadOnlyList<Guid> PersonIds, IReadOnlyList<string> Roles)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => UserIds.Count == 0 && PersonIds.Count == 0 && Roles.Count == 0;
}

internal enum CallOutcome
{
    ComfortRequest,
    HelpGiven,
    EmergencyServicesCalled,
    FalseAlarm,
}

internal sealed record PriorityCallRaised(Guid CallId, Guid ResidentId, bool IsTest, string RaisedBy, DateTimeOffset RaisedAt, string? FlatNumber, int? Floor, AlertTargets Targets);

internal sealed record PriorityCallEscalated(int Level, EscalationTarget Target, AlertTargets Targets, DateTimeOffset At);

/// <summary>The call was seen; <paramref name="ByName"/> is the display name shown to the resident while the call is open.</summary>
internal sealed record PriorityCallAcknowledged(string By, string ByName, string ByRole, DateTimeOffset At, int Level);

internal sealed record PriorityCallClosed(CallOutcome Outcome, string By, DateTimeOffset At);
