using Marten;
using Wolverine;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

/// <summary>Marks a call missed when nobody answered it before its ring timeout.</summary>
public sealed class VideoCallTimeouts
{
    private readonly TimeProvider _clock;
    private readonly VideoCallNotifier _notifier;

    internal VideoCallTimeouts(TimeProvider clock, VideoCallNotifier notifier)
    {
        _clock = clock;
        _notifier = notifier;
    }

    public async Task HandleAsync(VideoCallRingTimedOut message, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<VideoCall>(message.CallId, cancellationToken);
        if (stream.Aggregate?.MissAt(_clock.GetUtcNow()) is not { } missed)
        {
            return;
        }

        stream.AppendOne(missed);

        // Commit first, so the parties' devices never stop ringing for a change that was not stored.
        await session.SaveChangesAsync(cancellationToken);
        var saved = await session.Events.AggregateStreamAsync<VideoCall>(message.CallId, token: cancellationToken);
        var names = await VideoCallView.LoadNamesAsync(session, [saved!], cancellationToken);
        _notifier.PublishState(context.TenantId ?? string.Empty, "video-call-missed", saved!, names);
    }
}
