using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.ListActivities;

/// <summary>One occurrence as the agenda shows it. Local times are Europe/Paris wall-clock times.</summary>
internal sealed record OccurrenceView(
    Guid ActivityId, string Title, string EasyReadDescription, string Place, ActivityAudience Audience,
    string OccurrenceStart, DateTime Start, DateTime End, DateTimeOffset StartUtc, DateTimeOffset EndUtc,
    bool Moved, int Capacity, int PlacesLeft, int WaitingListLength);

internal sealed record ActivityView(Guid Id, long Version, ActivityDetails Details, IReadOnlyList<DateTime> CancelledOccurrences, IReadOnlyList<MovedOccurrence> MovedOccurrences, bool Withdrawn);

/// <summary>Occurrences whose local start is in [From, To).</summary>
internal sealed record ListActivities(DateTime From, DateTime To) : IQuery<IReadOnlyList<OccurrenceView>>;

internal sealed record GetActivity(Guid ActivityId) : IQuery<ActivityView>;

internal sealed class ListActivitiesHandler(ModuleSessions<ICommunityLifeStore> sessions)
    : IRequestHandler<ListActivities, IReadOnlyList<OccurrenceView>>, IRequestHandler<GetActivity, ActivityView>
{
    public const int MaxDays = 400;

    public async Task<IReadOnlyList<OccurrenceView>> Handle(ListActivities query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var activities = await session.Query<Activity>().Where(activity => !activity.Withdrawn).ToListAsync(cancellationToken);
        return await OccurrenceViews.BuildAsync(session, activities, query.From, query.To, cancellationToken);
    }

    public async Task<ActivityView> Handle(GetActivity query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var activity = await session.LoadActivityAsync(query.ActivityId, cancellationToken);
        return new ActivityView(activity.Id, activity.Version, activity.Details, activity.CancelledStarts, activity.MovedOccurrences, activity.Withdrawn);
    }
}

internal static class OccurrenceViews
{
    public static async Task<IReadOnlyList<OccurrenceView>> BuildAsync(IQuerySession session, IEnumerable<Activity> activities, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var occurrences = activities.SelectMany(activity => activity.Occurrences(from, to).Select(occurrence => (activity, occurrence))).ToList();
        var rosterIds = occurrences.Select(entry => OccurrenceRoster.StreamId(entry.activity.Id, entry.occurrence.OccurrenceStart)).ToArray();
        var rosters = (await session.LoadManyAsync<OccurrenceRoster>(cancellationToken, rosterIds)).ToDictionary(roster => roster.Id);

        return [.. occurrences
            .OrderBy(entry => entry.occurrence.Start)
            .Select(entry =>
            {
                var details = entry.activity.Details;
                rosters.TryGetValue(OccurrenceRoster.StreamId(entry.activity.Id, entry.occurrence.OccurrenceStart), out var roster);
                return new OccurrenceView(
                    entry.activity.Id, details.Title, details.EasyReadDescription, details.Place, details.Audience,
                    AgendaTime.Key(entry.occurrence.OccurrenceStart), entry.occurrence.Start, entry.occurrence.End,
                    entry.occurrence.StartUtc, entry.occurrence.EndUtc, entry.occurrence.Moved, details.Capacity,
                    roster?.PlacesLeft(details.Capacity) ?? details.Capacity, roster?.Waiting.Count ?? 0);
            })];
    }
}

internal static class ListActivitiesEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/activities", async (DateOnly? from, DateOnly? to, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var first = from ?? DateOnly.FromDateTime(AgendaTime.ToLocal(clock.GetUtcNow()));
                var last = to ?? first.AddDays(31);
                if (last < first || last.DayNumber - first.DayNumber > ListActivitiesHandler.MaxDays)
                {
                    throw new DomainRuleException("activity.invalid-range", new LocalizedText(
                        $"La période doit aller de « from » à « to », sur {ListActivitiesHandler.MaxDays} jours au plus.",
                        $"The range must run from 'from' to 'to' and cover at most {ListActivitiesHandler.MaxDays} days."));
                }

                return await mediator.Send(new ListActivities(first.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue)), cancellationToken);
            })
            .WithTags("Agenda")
            .WithSummary("Les séances entre deux dates (incluses), avec les places restantes");

        api.MapGet("/activities/{activityId:guid}", async (Guid activityId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var activity = await mediator.Send(new GetActivity(activityId), cancellationToken);
                response.SetETag(activity.Version);
                return activity;
            })
            .WithTags("Agenda")
            .WithSummary("Une activité, avec ses séances annulées ou déplacées");
    }
}
