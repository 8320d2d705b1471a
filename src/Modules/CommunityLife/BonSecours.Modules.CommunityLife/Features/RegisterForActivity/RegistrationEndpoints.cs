using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Agenda;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.RegisterForActivity;

/// <summary>The body of a registration: the coordinator names the resident; a resident may leave it out.</summary>
internal sealed record RegistrationRequest(Guid? ResidentId);

internal static class RegistrationEndpoints
{
    private const string Occurrence = "/activities/{activityId:guid}/occurrences/{start}";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(Occurrence + "/registrations", async (Guid activityId, string start, RegistrationRequest? body, IMediator mediator, IRequestContext context, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new RegisterForActivity(activityId, OccurrenceKeys.Parse(start), ResidentOf(body?.ResidentId, context)), cancellationToken)))
            .RequireAuthorization(policy => policy.RequireClaim(ClaimNames.Role, Roles.Resident, Roles.ActivityCoordinator, Roles.Administrator))
            .WithTags("Agenda")
            .WithSummary("Inscrit un résident à une séance, ou le met en liste d'attente si elle est complète");

        api.MapDelete(Occurrence + "/registrations/{residentId:guid}", async (Guid activityId, string start, Guid residentId, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new CancelRegistration(activityId, OccurrenceKeys.Parse(start), residentId), cancellationToken)))
            .RequireAuthorization(policy => policy.RequireClaim(ClaimNames.Role, Roles.Resident, Roles.ActivityCoordinator, Roles.Administrator))
            .WithTags("Agenda")
            .WithSummary("Désinscrit un résident ; la première personne en attente prend la place");

        api.MapGet(Occurrence + "/registrations", async (Guid activityId, string start, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new GetRoster(activityId, OccurrenceKeys.Parse(start)), cancellationToken)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Agenda")
            .WithSummary("Les inscrits, la liste d'attente et les présents d'une séance");

        api.MapPost(Occurrence + "/attendance", async (Guid activityId, string start, Attendance body, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new RecordAttendance(activityId, OccurrenceKeys.Parse(start), body.ResidentIds ?? []), cancellationToken)))
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Note les résidents présents à une séance (animatrice)");
    }

    private static Guid ResidentOf(Guid? residentId, IRequestContext context)
    {
        if (residentId is { } named)
        {
            return named;
        }

        return context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var self)
            ? self
            : throw new DomainRuleException("activity.resident-missing", new LocalizedText(
                "Indiquez le résident à inscrire (residentId).",
                "Name the resident to register (residentId)."));
    }
}
