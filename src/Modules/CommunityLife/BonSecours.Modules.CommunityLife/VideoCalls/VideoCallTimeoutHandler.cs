using Marten;
using Wolverine;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

/// <summary>Wolverine entry point of the ring timeout; the work is in <see cref="VideoCallTimeouts"/>.</summary>
public static class VideoCallTimeoutHandler
{
    public static Task Handle(VideoCallRingTimedOut message, VideoCallTimeouts timeouts, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken) =>
        timeouts.HandleAsync(message, session, context, cancellationToken);
}
