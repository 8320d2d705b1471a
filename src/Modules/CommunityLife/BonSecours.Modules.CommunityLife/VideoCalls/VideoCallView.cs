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
        DirectionFor(call, reader),
        call.RequestedAt,
        call.AcceptedAt,
        call.EndedAt,
        call.DurationSeconds,
        call.EndedBy is null ? null : PartyOf(call.EndedBy));

    /// <summary>Returns "outgoing" when the reader placed the call, "incoming" when they received it, null without a reader.</summary>
    private static string? DirectionFor(VideoCall call, VideoCallParty? reader)
    {
        if (reader is null)
        {
            return null;
        }

        return reader.Key == call.CallerKey ? "outgoing" : "incoming";
    }

    private static VideoCallPartyView PartyOf(VideoCallParty party) => new(party.Kind, party.Id);
}
