using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.People;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

/// <summary>Sends call changes and signalling messages on the <c>video</c> live stream, each only to the parties it concerns.</summary>
internal sealed class VideoCallNotifier(RealtimeBroker broker, TimeProvider clock)
{
    public const string Topic = "video";

    /// <summary>Sends the call's new state, with both parties' names, to both parties.</summary>
    public void PublishState(string residence, string type, VideoCall call, DisplayNames names) =>
        broker.Publish(new RealtimeMessage(residence, Topic, type, [call.Caller.Audience, call.Callee.Audience], VideoCallView.Of(call, null, names), clock.GetUtcNow()));

    public void PublishTo(string residence, VideoCallParty recipient, string type, object payload) =>
        broker.Publish(new RealtimeMessage(residence, Topic, type, [recipient.Audience], payload, clock.GetUtcNow()));
}
