using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using JasperFx.Events;
using Marten;

namespace BonSecours.Modules.CommunityLife.Agenda;

internal static class ActivityStreams
{
    /// <summary>
    /// Loads an activity for a write. A client that sent If-Match gets a 412 when the stream
    /// has moved on; Marten checks the version again at commit.
    /// </summary>
    public static async Task<IEventStream<Activity>> LoadActivityForWriteAsync(
        this IDocumentSession session, Guid activityId, long? expectedVersion, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Activity>(activityId, cancellationToken);
        if (stream.Aggregate is null)
        {
            throw AgendaRules.ActivityNotFound(activityId);
        }

        if (expectedVersion is { } expected && expected != stream.CurrentVersion)
        {
            throw new StaleVersionException(expected, stream.CurrentVersion ?? 0);
        }

        return stream;
    }

    public static async Task<Activity> LoadActivityAsync(this IQuerySession session, Guid activityId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Activity>(activityId, cancellationToken) ?? throw AgendaRules.ActivityNotFound(activityId);

    public static long VersionAfter<T>(this IEventStream<T> stream, int appended) where T : class =>
        (stream.CurrentVersion ?? 0) + appended;
}
