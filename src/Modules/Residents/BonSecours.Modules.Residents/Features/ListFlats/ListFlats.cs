using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ListFlats;

internal sealed record FlatView(Guid Id, string Number, int Floor, int Rooms, decimal? AreaSquareMetres, bool StepFreeAccess, Guid? HouseholdId, IReadOnlyList<Guid> OccupantIds, bool IsOccupied, long Version)
{
    public static FlatView From(FlatOccupancy flat) =>
        new(flat.Id, flat.Number, flat.Floor, flat.Rooms, flat.AreaSquareMetres, flat.StepFreeAccess, flat.HouseholdId, flat.OccupantIds, flat.OccupantIds.Count > 0, flat.FlatVersion);
}

internal sealed record ListFlats(int? Floor, bool? Occupied) : IQuery<IReadOnlyList<FlatView>>;

internal sealed record GetFlat(Guid FlatId) : IQuery<FlatView>;

internal sealed class ListFlatsHandler(ModuleSessions<IResidentsStore> sessions)
    : IRequestHandler<ListFlats, IReadOnlyList<FlatView>>, IRequestHandler<GetFlat, FlatView>
{
    public async Task<IReadOnlyList<FlatView>> Handle(ListFlats query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var flats = session.Query<FlatOccupancy>().AsQueryable();
        if (query.Floor is { } floor)
        {
            flats = flats.Where(flat => flat.Floor == floor);
        }

        var list = await flats.OrderBy(flat => flat.Floor).ThenBy(flat => flat.Number).ToListAsync(cancellationToken);
        return list
            .Where(flat => query.Occupied is null || (flat.OccupantIds.Count > 0) == query.Occupied)
            .Select(FlatView.From)
            .ToList();
    }

    public async Task<FlatView> Handle(GetFlat query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var flat = await session.LoadAsync<FlatOccupancy>(query.FlatId, cancellationToken)
            ?? throw Domain.ResidentRules.FlatNotFound(query.FlatId);
        return FlatView.From(flat);
    }
}

internal static class ListFlatsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/flats", (int? floor, bool? occupied, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListFlats(floor, occupied), cancellationToken))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Logements")
            .WithSummary("Liste les logements et leur occupation");

        api.MapGet("/flats/{flatId:guid}", async (Guid flatId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var flat = await mediator.Send(new GetFlat(flatId), cancellationToken);
                response.SetETag(flat.Version);
                return flat;
            })
            .RequireAuthorization(Policies.Staff)
            .WithTags("Logements")
            .WithSummary("Un logement et son occupation");
    }
}
