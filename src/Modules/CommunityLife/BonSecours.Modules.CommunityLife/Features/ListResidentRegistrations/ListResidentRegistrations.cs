using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Features.RegisterForActivity;
using BonSecours.Modules.CommunityLife.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.ListResidentRegistrations;

/// <summary>One of a resident's registrations, with the occurrence's current local times.</summary>
internal sealed record ResidentRegistrationView(
    Guid ActivityId, string Title, string Place, string OccurrenceStart, DateTime Start, DateTime End, DateTimeOffset StartUtc,
    RegistrationStatus Status, int? Position, bool Attended);

internal sealed record ListResidentRegistrations(Guid ResidentId) : IQuery<IReadOnlyList<ResidentRegistrationView>>;

internal sealed class ListResidentRegistrationsHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context)
    : IRequestHandler<ListResidentRegistrations, IReadOnlyList<ResidentRegistrationView>>
{
    public async Task<IReadOnlyList<ResidentRegistrationView>> Handle(ListResidentRegistrations query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        await AgendaAccess.EnsureCanReadRegistrationsAsync(session, context, query.ResidentId, cancellationToken);
        return await ResidentRegistrations.LoadAsync(session, query.ResidentId, cancellationToken);
    }
}

internal static class ResidentRegistrations
{
    /// <summary>Loads the occurrences the resident is registered or waiting for, or attended, that still take place.</summary>
    public static async Task<IReadOnlyList<ResidentRegistrationView>> LoadAsync(IQuerySession session, Guid residentId, CancellationToken cancellationToken)
    {
        var rosters = await session.Query<OccurrenceRoster>()
            .Where(roster => roster.Registered.Contains(residentId) || roster.Waiting.Contains(residentId) || roster.Attended.Contains(residentId))
            .ToListAsync(cancellationToken);
        var activityIds = rosters.Select(roster => roster.ActivityId).Distinct().ToArray();
        var activities = (await session.LoadManyAsync<Activity>(cancellationToken, activityIds)).ToDictionary(activity => activity.Id);

        var views = new List<ResidentRegistrationView>();
        foreach (var roster in rosters)
        {
            if (!activities.TryGetValue(roster.ActivityId, out var activity) || activity.Withdrawn)
            {
                continue;
            }

            var occurrence = TryFind(activity, roster.OccurrenceStart);
            if (occurrence is null)
            {
                continue;
            }

            var registration = RegistrationView.Of(roster, activity.Id, roster.OccurrenceStart, residentId);
            views.Add(new ResidentRegistrationView(
                activity.Id, activity.Details.Title, activity.Details.Place, registration.OccurrenceStart, occurrence.Start, occurrence.End,
                occurrence.StartUtc, registration.Status, registration.Position, roster.Attended.Contains(residentId)));
        }

        return [.. views.OrderBy(view => view.Start)];
    }

    private static ActivityOccurrence? TryFind(Activity activity, DateTime occurrenceStart)
    {
        try
        {
            return activity.FindOccurrence(occurrenceStart);
        }
        catch (BonSecours.BuildingBlocks.Domain.DomainException)
        {
            // The occurrence was cancelled after the registration: it no longer takes place.
            return null;
        }
    }
}

internal static class ListResidentRegistrationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/residents/{residentId:guid}/registrations", async (Guid residentId, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new ListResidentRegistrations(residentId), cancellationToken)))
            .WithTags("Agenda")
            .WithSummary("Les inscriptions d'un résident (le résident, ses aidants autorisés, le personnel)");
}
