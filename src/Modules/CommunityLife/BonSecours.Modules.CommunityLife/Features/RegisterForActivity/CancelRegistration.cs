using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Contracts;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace BonSecours.Modules.CommunityLife.Features.RegisterForActivity;

/// <summary>Cancels a resident's place or waiting-list entry; the first waiting resident takes a freed place.</summary>
internal sealed record CancelRegistration(Guid ActivityId, DateTime OccurrenceStart, Guid ResidentId) : ICommand<RegistrationView>;

internal sealed class CancelRegistrationHandler(
    ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, RealtimeBroker broker, TimeProvider clock, ILogger<CancelRegistrationHandler> logger)
    : IRequestHandler<CancelRegistration, RegistrationView>
{
    public async Task<RegistrationView> Handle(CancelRegistration command, CancellationToken cancellationToken)
    {
        if (!AgendaAccess.IsCoordinator(context) && !AgendaAccess.IsResident(context, command.ResidentId))
        {
            throw AgendaRules.NotYourRegistration();
        }

        return await WriteRetry.RunAsync(logger, nameof(CancelRegistration), async () =>
        {
            await using var session = sessions.OpenForWrite(nameof(CancelRegistration));
            var activity = await session.LoadActivityAsync(command.ActivityId, cancellationToken);
            activity.FindOccurrence(command.OccurrenceStart);

            var events = await RosterCancellation.CancelAsync(session, sessions.Bus, activity, command.OccurrenceStart, command.ResidentId, "cancelled", cancellationToken);

            await session.SaveChangesAsync(cancellationToken);
            AgendaNotifications.Promoted(broker, context.ResidenceId, events, activity, clock.GetUtcNow());
            return new RegistrationView(activity.Id, AgendaTime.Key(command.OccurrenceStart), command.ResidentId, RegistrationStatus.NotRegistered, null);
        }, cancellationToken);
    }
}

internal static class RosterCancellation
{
    /// <summary>Appends the cancellation and the promotions it allows, and publishes a registration message for each promoted resident.</summary>
    public static async Task<IReadOnlyList<object>> CancelAsync(
        IDocumentSession session, IMessageBus bus, Activity activity, DateTime occurrenceStart, Guid residentId, string reason, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<OccurrenceRoster>(OccurrenceRoster.StreamId(activity.Id, occurrenceStart), cancellationToken);
        if (stream.Aggregate is null)
        {
            return [];
        }

        var events = stream.Aggregate.Cancel(residentId, activity.Details.Capacity, reason);
        stream.AppendMany(events);

        var startUtc = AgendaTime.ToUtc(activity.StartOf(occurrenceStart));
        foreach (var promoted in events.OfType<WaitingResidentPromoted>())
        {
            await bus.PublishAsync(new ResidentRegisteredForActivity(activity.Id, promoted.ResidentId, startUtc, OnWaitingList: false));
        }

        return events;
    }
}
