namespace BonSecours.Modules.CommunityLife.VideoCalls;

/// <summary>Scheduled when a call is placed, for the end of its ring timeout. A call that still rings then is missed.</summary>
public sealed record VideoCallRingTimedOut(Guid CallId);
