using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Access;

internal sealed record HealthDataAccessView(DateTimeOffset At, string UserId, string Role, string What, string CorrelationId);

internal sealed record ListHealthDataAccess(Guid ResidentId) : IQuery<IReadOnlyList<HealthDataAccessView>>;

internal sealed class ListHealthDataAccessHandler(ModuleSessions<ICareFollowUpStore> sessions)
    : IRequestHandler<ListHealthDataAccess, IReadOnlyList<HealthDataAccessView>>
{
    public async Task<IReadOnlyList<HealthDataAccessView>> Handle(ListHealthDataAccess query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var records = await session.Query<HealthDataAccessRecord>()
            .Where(record => record.ResidentId == query.ResidentId)
            .OrderBy(record => record.At)
            .ToListAsync(cancellationToken);
        return records.Select(record => new HealthDataAccessView(record.At, record.UserId, record.Role, record.What, record.CorrelationId)).ToList();
    }
}

internal static class ListHealthDataAccessEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/residents/{residentId:guid}/health-data-access", (Guid residentId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListHealthDataAccess(residentId), cancellationToken))
            .RequireAuthorization(Policies.Audit)
            .WithTags("Audit")
            .WithSummary("Journal des accès aux données de santé d'un résident");
}
