namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal sealed record VideoCallPartyView(VideoCallPartyKind Kind, string Id);

/// <param name="Direction">"outgoing" or "incoming" for the reader of a call history, null in live updates sent to both parties.</param>
internal sealed record VideoCallView(
    Guid Id,
    VideoCallPartyView Caller,
    VideoCallPartyView Callee,
    VideoCallState State,
    string? Direction,
    DateTimeOffset RequestedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? EndedAt,
    int DurationSeconds,
    VideoCallPartyView? EndedBy)
{
    public static VideoCallView Of(VideoCall call, VideoCallParty? reader) => new(
        call.Id,
        PartyOf(call.Caller),
        PartyOf(call.Callee),
        call.State,
        reader is null ? null : reader.Key == call.CallerKey ? "outgoing" : "incoming",
        call.RequestedAt,
        call.AcceptedAt,
        call.EndedAt,
        call.DurationSeconds,
        call.EndedBy is null ? null : PartyOf(call.EndedBy));

    private static VideoCallPartyView PartyOf(VideoCallParty party) => new(party.Kind, party.Id);
}
