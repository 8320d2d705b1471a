using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using JasperFx.Events;

namespace BonSecours.Modules.CareFollowUp.Calls;

internal static class PriorityCallRules
{
    public static NotFoundException CallNotFound(Guid callId) =>
        new("priority-call.not-found", new LocalizedText(
            $"Aucun appel prioritaire {callId} dans cette résidence.",
            $"No priority call {callId} in this residence."));

    public static async Task<IEventStream<PriorityCall>> LoadForWriteAsync(IDocumentSession session, Guid callId, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<PriorityCall>(callId, cancellationToken);
        return stream.Aggregate is null ? throw CallNotFound(callId) : stream;
    }

    public static async Task<PriorityCall> LoadAsync(IQuerySession session, Guid callId, CancellationToken cancellationToken) =>
        await session.LoadAsync<PriorityCall>(callId, cancellationToken) ?? throw CallNotFound(callId);
}
