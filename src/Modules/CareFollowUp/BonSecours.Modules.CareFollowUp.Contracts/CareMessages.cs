using System.Runtime.Serialization;

namespace BonSecours.Modules.CareFollowUp.Contracts;

// Integration messages of the CareFollowUp module. They carry ids, times and outcomes for
// the usage lab and other modules, never appointment details or anything medical.

[DataContract(Namespace = "care", Name = "priority-call-raised.v1")]
public sealed record PriorityCallRaised(Guid CallId, Guid ResidentId, bool IsTest, DateTimeOffset RaisedAt);

[DataContract(Namespace = "care", Name = "priority-call-acknowledged.v1")]
public sealed record PriorityCallAcknowledged(Guid CallId, bool IsTest, int EscalationLevel, TimeSpan TimeToAcknowledge);

[DataContract(Namespace = "care", Name = "priority-call-closed.v1")]
public sealed record PriorityCallClosed(Guid CallId, bool IsTest, string Outcome, DateTimeOffset ClosedAt);
