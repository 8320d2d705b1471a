using System.Runtime.Serialization;

namespace BonSecours.Modules.CommunityLife.Contracts;

// Integration messages of the CommunityLife module, for the usage lab to come. They say
// that something happened and how long it took, never what was written or said.

[DataContract(Namespace = "community", Name = "message-sent.v1")]
public sealed record MessageSent(Guid ConversationId, Guid MessageId, Guid SenderId, bool IsVoice, DateTimeOffset SentAt);

[DataContract(Namespace = "community", Name = "resident-registered-for-activity.v1")]
public sealed record ResidentRegisteredForActivity(Guid ActivityId, Guid ResidentId, DateTimeOffset OccurrenceStart, bool OnWaitingList);

[DataContract(Namespace = "community", Name = "activity-attended.v1")]
public sealed record ActivityAttended(Guid ActivityId, Guid ResidentId, DateTimeOffset OccurrenceStart);

[DataContract(Namespace = "community", Name = "video-call-ended.v1")]
public sealed record VideoCallEnded(Guid CallId, int DurationSeconds, DateTimeOffset EndedAt);

[DataContract(Namespace = "community", Name = "game-played.v1")]
public sealed record GamePlayed(Guid GameSessionId, string GameKind, int Moves, string Result, DateTimeOffset EndedAt);
