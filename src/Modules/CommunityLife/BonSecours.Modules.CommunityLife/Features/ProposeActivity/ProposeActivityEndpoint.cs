using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Features.PublishActivity;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.ProposeActivity;

internal sealed record Decline(string Reason);

internal static class ProposeActivityEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/activity-proposals", async (ProposeActivity body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(body, cancellationToken);
                return Results.Created($"/api/v1/activity-proposals/{result.Id}", result);
            })
            .RequireAuthorization(policy => policy.RequireClaim(ClaimNames.Role, Roles.Resident))
            .WithTags("Agenda")
            .WithSummary("Un résident propose une activité");

        api.MapGet("/activity-proposals", async (IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new ListActivityProposals(), cancellationToken)))
            .RequireAuthorization(policy => policy.RequireClaim(ClaimNames.Role, Roles.Resident, Roles.ActivityCoordinator, Roles.Administrator))
            .WithTags("Agenda")
            .WithSummary("Les propositions d'activités (toutes pour l'animatrice, les siennes pour un résident)");

        api.MapPost("/activity-proposals/{proposalId:guid}/approve", async (Guid proposalId, ActivityInput body, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new ApproveActivityProposal(proposalId, body), cancellationToken)))
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Accepte une proposition : elle devient une activité");

        api.MapPost("/activity-proposals/{proposalId:guid}/decline", async (Guid proposalId, Decline body, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new DeclineActivityProposal(proposalId, body.Reason), cancellationToken)))
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Refuse une proposition en donnant la raison");
    }
}
