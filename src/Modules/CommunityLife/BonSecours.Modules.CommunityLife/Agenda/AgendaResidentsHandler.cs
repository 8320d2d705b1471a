using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Features.RegisterForActivity;
using BonSecours.Modules.Residents.Contracts;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>
/// Cancels the future registrations of a resident who moved out, so the waiting lists move
/// up. Wolverine only discovers public handlers, hence the public type.
/// </summary>
public static class AgendaResidentsHandler
{
    /// <summary>Retries when a registration was written to the same roster meanwhile, because the handler then decides again on fresh state.</summary>
    [RetryNow(typeof(JasperFx.ConcurrencyException), 50, 100, 250, 500)]
    public static async Task Handle(ResidentMovedOut message, IDocumentSession session, IMessageContext bus, RealtimeBroker broker, TimeProvider clock, CancellationToken cancellationToken)
    {
        var promotions = await MovedOutRegistrations.CancelAsync(session, bus, message.ResidentId, clock.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);

        foreach (var (activity, events) in promotions)
        {
            AgendaNotifications.Promoted(broker, session.TenantId, events, activity, clock.GetUtcNow());
        }
    }
}

internal static class MovedOutRegistrations
{
    public const string Reason = "moved-out";

    public static async Task<IReadOnlyList<(Activity Activity, IReadOnlyList<object> Events)>> CancelAsync(
        IDocumentSession session, IMessageBus bus, Guid residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rosters = await session.Query<OccurrenceRoster>()
            .Where(roster => roster.Registered.Contains(residentId) || roster.Waiting.Contains(residentId))
            .ToListAsync(cancellationToken);

        var results = new List<(Activity, IReadOnlyList<object>)>();
        foreach (var roster in rosters.Where(roster => AgendaTime.ToUtc(roster.OccurrenceStart) > now))
        {
            var activity = await session.LoadAsync<Activity>(roster.ActivityId, cancellationToken);
            if (activity is null || activity.Withdrawn)
            {
                continue;
            }

            var events = await RosterCancellation.CancelAsync(session, bus, activity, roster.OccurrenceStart, residentId, Reason, cancellationToken);
            results.Add((activity, events));
        }

        return results;
    }
}
