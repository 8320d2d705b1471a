namespace BonSecours.Modules.CommunityLife.VideoCalls;

// Events of one video call stream. They hold who called whom and when, never what was said
// or shown: media and signalling messages go between the two parties and are not stored.

/// <summary>The call was placed and the callee's devices ring until the timeout.</summary>
internal sealed record VideoCallRequested(Guid CallId, VideoCallParty Caller, VideoCallParty Callee, int RingTimeoutSeconds, DateTimeOffset At);

internal sealed record VideoCallAccepted(Guid CallId, DateTimeOffset At);

internal sealed record VideoCallDeclined(Guid CallId, DateTimeOffset At);

/// <summary>Nobody answered within the ring timeout.</summary>
internal sealed record VideoCallMissed(Guid CallId, DateTimeOffset At);

/// <param name="DurationSeconds">Seconds from the answer to the hang-up; 0 when the caller hung up before an answer.</param>
internal sealed record VideoCallEnded(Guid CallId, VideoCallParty By, int DurationSeconds, DateTimeOffset At);
