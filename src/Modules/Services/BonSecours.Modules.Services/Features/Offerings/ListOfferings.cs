using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Features.Offerings;

internal sealed record OfferingView(
    Guid Id, long Version, OfferingKind Kind, string Name, string Description, string Pictogram, decimal Price,
    IReadOnlyList<DayOfWeek> Days, IReadOnlyList<TimeSlot> Slots, int CapacityPerSlot, OrderCutOff CutOff, bool Withdrawn)
{
    public static OfferingView Of(ServiceOffering offering)
    {
        var details = offering.Details;
        return new(offering.Id, offering.Version, details.Kind, details.Name, details.Description, details.Pictogram, details.Price,
            details.Days, details.Slots, details.CapacityPerSlot, details.CutOff, offering.Withdrawn);
    }
}

/// <summary>The catalogue, sorted by name; withdrawn offerings only on request.</summary>
internal sealed record ListOfferings(bool IncludeWithdrawn) : IQuery<IReadOnlyList<OfferingView>>;

internal sealed class ListOfferingsHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<ListOfferings, IReadOnlyList<OfferingView>>
{
    public async Task<IReadOnlyList<OfferingView>> Handle(ListOfferings query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var offerings = await session.Query<ServiceOffering>().ToListAsync(cancellationToken);
        return offerings.Where(offering => query.IncludeWithdrawn || !offering.Withdrawn)
            .OrderBy(offering => offering.Details.Name, StringComparer.CurrentCulture)
            .Select(OfferingView.Of)
            .ToList();
    }
}

internal sealed record GetOffering(Guid OfferingId) : IQuery<OfferingView>;

internal sealed class GetOfferingHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<GetOffering, OfferingView>
{
    public async Task<OfferingView> Handle(GetOffering query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var offering = await session.LoadAsync<ServiceOffering>(query.OfferingId, cancellationToken)
            ?? throw KioskRules.OfferingNotFound(query.OfferingId);
        return OfferingView.Of(offering);
    }
}

internal static class ListOfferingsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/offerings", (bool? includeWithdrawn, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListOfferings(includeWithdrawn ?? false), cancellationToken))
            .WithTags("Kiosque")
            .WithSummary("Catalogue des services du kiosque");

        api.MapGet("/offerings/{offeringId:guid}", async (Guid offeringId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var offering = await mediator.Send(new GetOffering(offeringId), cancellationToken);
                response.SetETag(offering.Version);
                return offering;
            })
            .WithTags("Kiosque")
            .WithSummary("Un service du catalogue (avec ETag)");
    }
}
