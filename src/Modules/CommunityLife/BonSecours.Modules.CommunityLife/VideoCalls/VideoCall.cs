using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal enum VideoCallState
{
    Ringing,
    Active,
    Declined,
    Missed,
    Ended,
}

/// <summary>
/// A video call between two parties, kept as an inline snapshot of its stream. It rings,
/// then is accepted, declined or missed; an accepted call is active until one party hangs up.
/// </summary>
internal sealed class VideoCall
{
    public Guid Id { get; set; }

    public VideoCallParty Caller { get; set; } = null!;

    public VideoCallParty Callee { get; set; } = null!;

    public string CallerKey { get; set; } = string.Empty;

    public string CalleeKey { get; set; } = string.Empty;

    public VideoCallState State { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int DurationSeconds { get; set; }

    public VideoCallParty? EndedBy { get; set; }

    /// <summary>Ringing or active: the parties may still exchange signalling messages.</summary>
    public bool IsOpen => State is VideoCallState.Ringing or VideoCallState.Active;

    public bool Involves(VideoCallParty party) => party.Key == CallerKey || party.Key == CalleeKey;

    public VideoCallParty OtherParty(VideoCallParty party) => party.Key == CallerKey ? Callee : Caller;

    public VideoCallAccepted Accept(VideoCallParty by, DateTimeOffset now)
    {
        EnsureCallee(by, "accepter");
        EnsureRinging();
        return new VideoCallAccepted(Id, now);
    }

    public VideoCallDeclined Decline(VideoCallParty by, DateTimeOffset now)
    {
        EnsureCallee(by, "refuser");
        EnsureRinging();
        return new VideoCallDeclined(Id, now);
    }

    public VideoCallEnded HangUp(VideoCallParty by, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw Finished();
        }

        if (State == VideoCallState.Ringing && by.Key == CalleeKey)
        {
            throw new ConflictException("video-call.not-answered", new LocalizedText(
                "Cet appel n'est pas encore décroché. Pour ne pas répondre, refusez l'appel.",
                "This call has not been answered yet. Decline it instead."));
        }

        var duration = AcceptedAt is { } acceptedAt ? (int)Math.Max(0, Math.Round((now - acceptedAt).TotalSeconds)) : 0;
        return new VideoCallEnded(Id, by, duration, now);
    }

    /// <summary>Returns the missed event when the call still rings at the timeout, else null.</summary>
    public VideoCallMissed? MissAt(DateTimeOffset now) => State == VideoCallState.Ringing ? new VideoCallMissed(Id, now) : null;

    public void Apply(VideoCallRequested requested)
    {
        Id = requested.CallId;
        Caller = requested.Caller;
        Callee = requested.Callee;
        CallerKey = requested.Caller.Key;
        CalleeKey = requested.Callee.Key;
        State = VideoCallState.Ringing;
        RequestedAt = requested.At;
    }

    public void Apply(VideoCallAccepted accepted)
    {
        State = VideoCallState.Active;
        AcceptedAt = accepted.At;
    }

    public void Apply(VideoCallDeclined declined)
    {
        State = VideoCallState.Declined;
        EndedAt = declined.At;
    }

    public void Apply(VideoCallMissed missed)
    {
        State = VideoCallState.Missed;
        EndedAt = missed.At;
    }

    public void Apply(VideoCallEnded ended)
    {
        State = VideoCallState.Ended;
        EndedAt = ended.At;
        EndedBy = ended.By;
        DurationSeconds = ended.DurationSeconds;
    }

    private void EnsureCallee(VideoCallParty by, string frenchVerb)
    {
        if (by.Key != CalleeKey)
        {
            throw new AccessDeniedException("video-call.callee-only", new LocalizedText(
                $"Seule la personne appelée peut {frenchVerb} cet appel.",
                "Only the person called can answer this call."));
        }
    }

    private void EnsureRinging()
    {
        if (State == VideoCallState.Active)
        {
            throw new ConflictException("video-call.already-answered", new LocalizedText(
                "Cet appel est déjà décroché.",
                "This call has already been answered."));
        }

        if (State != VideoCallState.Ringing)
        {
            throw Finished();
        }
    }

    public static ConflictException Finished() => new("video-call.finished", new LocalizedText(
        "Cet appel est terminé. Vous pouvez rappeler.",
        "This call is over. You can call again."));
}
