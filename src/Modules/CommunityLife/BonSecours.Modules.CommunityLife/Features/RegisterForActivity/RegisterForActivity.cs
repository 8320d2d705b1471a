using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Contracts;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using MediatR;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CommunityLife.Features.RegisterForActivity;

internal enum RegistrationStatus
{
    Registered,
    Waiting,
    NotRegistered,
}

/// <summary>A resident's place in one occurrence. <see cref="Position"/> counts from 1 on the waiting list.</summary>
internal sealed record RegistrationView(Guid ActivityId, string OccurrenceStart, Guid ResidentId, RegistrationStatus Status, int? Position)
{
    public static RegistrationView Of(OccurrenceRoster roster, Guid activityId, DateTime occurrenceStart, Guid residentId)
    {
        var key = AgendaTime.Key(occurrenceStart);
        if (roster.Registered.Contains(residentId))
        {
            return new RegistrationView(activityId, key, residentId, RegistrationStatus.Registered, null);
        }

        var index = roster.Waiting.IndexOf(residentId);
        return index >= 0
            ? new RegistrationView(activityId, key, residentId, RegistrationStatus.Waiting, index + 1)
            : new RegistrationView(activityId, key, residentId, RegistrationStatus.NotRegistered, null);
    }
}

/// <summary>Registers a resident for one occurrence, or puts them on its waiting list when it is full. Repeating it changes nothing.</summary>
internal sealed record RegisterForActivity(Guid ActivityId, DateTime OccurrenceStart, Guid ResidentId) : ICommand<RegistrationView>;

internal sealed class RegisterForActivityHandler(
    ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock, ILogger<RegisterForActivityHandler> logger)
    : IRequestHandler<RegisterForActivity, RegistrationView>
{
    public async Task<RegistrationView> Handle(RegisterForActivity command, CancellationToken cancellationToken)
    {
        if (!AgendaAccess.IsCoordinator(context) && !AgendaAccess.IsResident(context, command.ResidentId))
        {
            throw AgendaRules.NotYourRegistration();
        }

        return await WriteRetry.RunAsync(logger, nameof(RegisterForActivity), () => AttemptAsync(command, cancellationToken), cancellationToken);
    }

    private async Task<RegistrationView> AttemptAsync(RegisterForActivity command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RegisterForActivity));
        await AgendaAccess.LivingResidentAsync(session, command.ResidentId, cancellationToken);
        var activity = await session.LoadActivityAsync(command.ActivityId, cancellationToken);
        var occurrence = activity.FindOccurrence(command.OccurrenceStart);
        if (occurrence.StartUtc <= clock.GetUtcNow())
        {
            throw AgendaRules.OccurrencePast();
        }

        var stream = await session.Events.FetchForWriting<OccurrenceRoster>(OccurrenceRoster.StreamId(activity.Id, command.OccurrenceStart), cancellationToken);

        var events = OccurrenceRoster.Register(stream.Aggregate, activity.Id, command.OccurrenceStart, activity.Details.Capacity, command.ResidentId);

        stream.AppendMany(events);
        foreach (var registered in events)
        {
            var onWaitingList = registered is RegistrationWaitlisted;
            await sessions.Bus.PublishAsync(new ResidentRegisteredForActivity(activity.Id, command.ResidentId, occurrence.StartUtc, onWaitingList));
        }

        await session.SaveChangesAsync(cancellationToken);
        var roster = await session.Events.AggregateStreamAsync<OccurrenceRoster>(stream.Id, token: cancellationToken) ?? new OccurrenceRoster();
        return RegistrationView.Of(roster, activity.Id, command.OccurrenceStart, command.ResidentId);
    }
}
