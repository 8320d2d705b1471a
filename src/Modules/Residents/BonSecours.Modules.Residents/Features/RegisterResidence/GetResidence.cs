using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.RegisterResidence;

internal sealed record ResidenceView(string ResidenceId, string Name, string Street, string PostalCode, string Town, int Floors, long Version);

internal sealed record GetResidence : IQuery<ResidenceView>;

internal sealed class GetResidenceHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context)
    : IRequestHandler<GetResidence, ResidenceView>
{
    public async Task<ResidenceView> Handle(GetResidence query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var residence = await session.LoadAsync<Residence>(Residence.StreamIdFor(context.ResidenceId), cancellationToken)
            ?? throw new NotFoundException("residence.not-registered", new LocalizedText(
                "Cette résidence n'est pas encore enregistrée.",
                "This residence is not registered yet."));

        return new ResidenceView(residence.ResidenceId, residence.Name, residence.Street, residence.PostalCode, residence.Town, residence.Floors, residence.Version);
    }
}

internal static class GetResidenceEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/residence", async (IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var view = await mediator.Send(new GetResidence(), cancellationToken);
                response.SetETag(view.Version);
                return Results.Ok(view);
            })
            .WithTags("Résidence")
            .WithSummary("Informations de la résidence de l'utilisateur connecté");
}
