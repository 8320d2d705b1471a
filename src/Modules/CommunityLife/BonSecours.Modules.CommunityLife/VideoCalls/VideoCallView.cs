using BonSecours.Modules.CommunityLife.People;
using Marten;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal sealed record VideoCallPartyView(VideoCallPartyKind Kind, string Id, string DisplayName);

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
    public static VideoCallView Of(VideoCall call, VideoCallParty? reader, DisplayNames names) => new(
        call.Id,
        PartyOf(call.Caller, names),
        PartyOf(call.Callee, names),
        call.State,
        DirectionFor(call, reader),
        call.RequestedAt,
        call.AcceptedAt,
        call.EndedAt,
        call.DurationSeconds,
        call.EndedBy is null ? null : PartyOf(call.EndedBy, names));

    /// <summary>Returns "outgoing" when the reader placed the call, "incoming" when they received it, null without a reader.</summary>
    private static string? DirectionFor(VideoCall call, VideoCallParty? reader)
    {
        if (reader is null)
        {
            return null;
        }

        return reader.Key == call.CallerKey ? "outgoing" : "incoming";
    }

    /// <summary>Loads the display names of both parties of every call given.</summary>
    public static Task<DisplayNames> LoadNamesAsync(IQuerySession session, IEnumerable<VideoCall> calls, CancellationToken cancellationToken)
    {
        var parties = calls.SelectMany(call => new[] { call.Caller, call.Callee }).ToList();
        return DisplayNames.LoadAsync(
            session,
            IdsOf(parties, VideoCallPartyKind.Resident).Select(Guid.Parse),
            IdsOf(parties, VideoCallPartyKind.Caregiver).Select(Guid.Parse),
            IdsOf(parties, VideoCallPartyKind.Staff),
            cancellationToken);
    }

    private static IEnumerable<string> IdsOf(IEnumerable<VideoCallParty> parties, VideoCallPartyKind kind) =>
        parties.Where(party => party.Kind == kind && (kind == VideoCallPartyKind.Staff || Guid.TryParse(party.Id, out _))).Select(party => party.Id);

    public static VideoCallPartyView PartyOf(VideoCallParty party, DisplayNames names) => new(party.Kind, party.Id, party.Kind switch
    {
        VideoCallPartyKind.Resident => names.Resident(party.Id),
        VideoCallPartyKind.Caregiver => names.Caregiver(party.Id),
        _ => names.Staff(party.Id),
    });
}
