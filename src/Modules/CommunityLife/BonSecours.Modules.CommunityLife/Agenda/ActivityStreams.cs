using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using JasperFx.Events;
using Marten;

namespace BonSecours.Modules.CommunityLife.Agenda;

internal static class ActivityStreams
{
    /// <summary>Loads an activity for a write, with the If-Match check of <see cref="StreamWriting"/>.</summary>
    public static Task<IEventStream<Activity>> LoadActivityForWriteAsync(
        this IDocumentSession session, Guid activityId, long? expectedVersion, CancellationToken cancellationToken) =>
        session.LoadForWriteAsync<Activity>(activityId, expectedVersion, () => AgendaRules.ActivityNotFound(activityId), cancellationToken);

    public static async Task<Activity> LoadActivityAsync(this IQuerySession session, Guid activityId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Activity>(activityId, cancellationToken) ?? throw AgendaRules.ActivityNotFound(activityId);
}
