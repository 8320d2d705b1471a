using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Contracts;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CommunityLife.Features.RegisterForActivity;

internal sealed record Attendance(IReadOnlyList<Guid> ResidentIds);

/// <summary>Records who came to an occurrence. Only registered residents can be marked present.</summary>
internal sealed record RecordAttendance(Guid ActivityId, DateTime OccurrenceStart, IReadOnlyList<Guid> ResidentIds) : ICommand<RosterView>;

internal sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        RuleFor(command => command.ResidentIds).NotEmpty().Named("résidents présents", "resident ids");
    }
}

/// <summary>The coordinator's view of an occurrence: registered residents, the waiting list in order, and who attended.</summary>
internal sealed record RosterView(Guid ActivityId, string OccurrenceStart, int Capacity, int PlacesLeft, IReadOnlyList<Guid> Registered, IReadOnlyList<Guid> Waiting, IReadOnlyList<Guid> Attended);

internal sealed record GetRoster(Guid ActivityId, DateTime OccurrenceStart) : IQuery<RosterView>;

internal sealed class RecordAttendanceHandler(ModuleSessions<ICommunityLifeStore> sessions, ILogger<RecordAttendanceHandler> logger)
    : IRequestHandler<RecordAttendance, RosterView>, IRequestHandler<GetRoster, RosterView>
{
    public async Task<RosterView> Handle(RecordAttendance command, CancellationToken cancellationToken) =>
        await WriteRetry.RunAsync(logger, nameof(RecordAttendance), async () =>
        {
            await using var session = sessions.OpenForWrite(nameof(RecordAttendance));
            var activity = await session.LoadActivityAsync(command.ActivityId, cancellationToken);
            var occurrence = activity.FindOccurrence(command.OccurrenceStart);
            var stream = await session.Events.FetchForWriting<OccurrenceRoster>(OccurrenceRoster.StreamId(activity.Id, command.OccurrenceStart), cancellationToken);
            var roster = stream.Aggregate ?? new OccurrenceRoster { ActivityId = activity.Id, OccurrenceStart = command.OccurrenceStart };

            var recorded = roster.RecordAttendance(command.ResidentIds);

            stream.AppendOne(recorded);
            foreach (var residentId in recorded.ResidentIds.Except(roster.Attended))
            {
                await sessions.Bus.PublishAsync(new ActivityAttended(activity.Id, residentId, occurrence.StartUtc));
            }

            await session.SaveChangesAsync(cancellationToken);
            roster.Apply(recorded);
            return View(activity, roster);
        }, cancellationToken);

    public async Task<RosterView> Handle(GetRoster query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var activity = await session.LoadActivityAsync(query.ActivityId, cancellationToken);
        activity.FindOccurrence(query.OccurrenceStart);
        var roster = await session.LoadAsync<OccurrenceRoster>(OccurrenceRoster.StreamId(activity.Id, query.OccurrenceStart), cancellationToken)
            ?? new OccurrenceRoster { ActivityId = activity.Id, OccurrenceStart = query.OccurrenceStart };
        return View(activity, roster);
    }

    private static RosterView View(Activity activity, OccurrenceRoster roster) =>
        new(activity.Id, AgendaTime.Key(roster.OccurrenceStart), activity.Details.Capacity, roster.PlacesLeft(activity.Details.Capacity),
            roster.Registered, roster.Waiting, roster.Attended);
}
