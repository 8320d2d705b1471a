using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Features.ListResidentRegistrations;
using BonSecours.Modules.CommunityLife.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.AgendaFeeds;

/// <summary>
/// The calendar feeds that calendar apps subscribe to. They carry no token, so they are
/// anonymous and the key in the query string is the only credential: a wrong key gets 404.
/// </summary>
internal static class AgendaFeedEndpoints
{
    public const string CalendarMediaType = "text/calendar; charset=utf-8";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/agenda.ics", async (string? key, ICommunityLifeStore store, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (!FeedKey.TryParse(key, out var residence, out var secret))
                {
                    return Results.NotFound();
                }

                await using var session = store.QuerySession(residence);
                if (!await MatchesAsync(session, FeedKey.ResidenceFeed, secret, cancellationToken))
                {
                    return Results.NotFound();
                }

                var activities = await session.Query<Activity>().Where(activity => !activity.Withdrawn).ToListAsync(cancellationToken);
                return Results.Text(AgendaCalendar.ForResidence(activities, residence, clock.GetUtcNow()), CalendarMediaType);
            })
            .AllowAnonymous()
            .WithTags("Agenda")
            .WithSummary("L'agenda de la résidence au format iCalendar (clé dans l'adresse)");

        api.MapGet("/residents/{residentId:guid}/registrations.ics", async (Guid residentId, string? key, ICommunityLifeStore store, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (!FeedKey.TryParse(key, out var residence, out var secret))
                {
                    return Results.NotFound();
                }

                await using var session = store.QuerySession(residence);
                if (!await MatchesAsync(session, FeedKey.ResidentFeed(residentId), secret, cancellationToken))
                {
                    return Results.NotFound();
                }

                var registrations = await ResidentRegistrations.LoadAsync(session, residentId, cancellationToken);
                return Results.Text(AgendaCalendar.ForResident(registrations, residentId, residence, clock.GetUtcNow()), CalendarMediaType);
            })
            .AllowAnonymous()
            .WithTags("Agenda")
            .WithSummary("Les inscriptions d'un résident au format iCalendar (clé dans l'adresse)");

        api.MapPost("/agenda.ics/key", async (IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new ResetAgendaFeedKey(), cancellationToken)))
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Crée une nouvelle clé pour l'agenda iCalendar ; l'ancienne ne marche plus");

        api.MapPost("/residents/{residentId:guid}/registrations.ics/key", async (Guid residentId, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new ResetRegistrationsFeedKey(residentId), cancellationToken)))
            .RequireAuthorization(policy => policy.RequireClaim(ClaimNames.Role, Roles.Resident))
            .WithTags("Agenda")
            .WithSummary("Crée une nouvelle clé pour mon calendrier d'inscriptions");
    }

    private static async Task<bool> MatchesAsync(IQuerySession session, string feedId, string secret, CancellationToken cancellationToken)
    {
        var stored = await session.LoadAsync<FeedKey>(feedId, cancellationToken);
        return stored is not null && stored.Matches(secret);
    }
}
