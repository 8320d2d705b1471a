using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.GetResident;

internal sealed record GetResident(Guid ResidentId) : IQuery<ResidentView>;

/// <summary>The signed-in resident's own profile.</summary>
internal sealed record GetMyProfile : IQuery<ResidentView>;

internal sealed class GetResidentHandler(ModuleSessions<IResidentsStore> sessions, ResidentAccess access, IRequestContext context)
    : IRequestHandler<GetResident, ResidentView>, IRequestHandler<GetMyProfile, ResidentView>
{
    public async Task<ResidentView> Handle(GetResident query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var profile = await session.LoadAsync<ResidentProfile>(query.ResidentId, cancellationToken)
            ?? throw ResidentRules.ResidentNotFound(query.ResidentId);
        access.EnsureCanRead(profile);

        var details = await session.LoadAsync<ResidentPersonalDetails>(query.ResidentId, cancellationToken);
        return ResidentView.From(profile, details);
    }

    public Task<ResidentView> Handle(GetMyProfile query, CancellationToken cancellationToken) =>
        context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var residentId)
            ? Handle(new GetResident(residentId), cancellationToken)
            : throw new NotFoundException("resident.no-profile", new LocalizedText(
                "Votre compte n'est pas celui d'un résident.",
                "Your account is not a resident's account."));
}

internal static class GetResidentEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/residents/{residentId:guid}", async (Guid residentId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var resident = await mediator.Send(new GetResident(residentId), cancellationToken);
                response.SetETag(resident.Version);
                return resident;
            })
            .WithTags("Résidents")
            .WithSummary("La fiche d'un résident (le résident, ses aidants autorisés, le personnel)");

        api.MapGet("/residents/me", async (IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var resident = await mediator.Send(new GetMyProfile(), cancellationToken);
                response.SetETag(resident.Version);
                return resident;
            })
            .RequireAuthorization(policy => policy.RequireClaim(ClaimNames.Role, Roles.Resident))
            .WithTags("Résidents")
            .WithSummary("Le profil du résident connecté");
    }
}
