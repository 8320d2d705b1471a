using BonSecours.BuildingBlocks.Domain;
using JasperFx.Events;
using Marten;

namespace BonSecours.BuildingBlocks.Persistence;

/// <summary>Helpers every module uses to write to an event stream with optimistic concurrency.</summary>
public static class StreamWriting
{
    /// <summary>
    /// Loads an aggregate for a write. A client that sent If-Match gets a 412 when the stream
    /// has moved on. Every write is also checked again at commit, so two concurrent writers
    /// cannot both succeed.
    /// </summary>
    public static async Task<IEventStream<T>> LoadForWriteAsync<T>(
        this IDocumentSession session, Guid id, long? expectedVersion, Func<Exception> notFound, CancellationToken cancellationToken)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(id, cancellationToken);
        if (stream.Aggregate is null)
        {
            throw notFound();
        }

        if (expectedVersion is { } expected && expected != (stream.StartingVersion ?? 0))
        {
            throw new StaleVersionException(expected, stream.StartingVersion ?? 0);
        }

        return stream;
    }

    /// <summary>
    /// Returns the stream version once the given events are saved. It counts from the version
    /// at fetch time, because <c>CurrentVersion</c> already includes the events appended since
    /// (JasperFx.Events 2.10x), so the result is the same before and after the append.
    /// </summary>
    public static long VersionAfter<T>(this IEventStream<T> stream, int appended) where T : class =>
        (stream.StartingVersion ?? 0) + appended;
}
