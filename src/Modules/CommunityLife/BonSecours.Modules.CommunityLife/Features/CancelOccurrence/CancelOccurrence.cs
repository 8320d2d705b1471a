using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.CancelOccurrence;

internal sealed record CancelOccurrence(Guid ActivityId, DateTime OccurrenceStart) : ICommand<AgendaWriteResult>;

/// <summary>The new local start and end of a moved occurrence.</summary>
internal sealed record NewTimes(DateTime Start, DateTime End);

internal sealed record MoveOccurrence(Guid ActivityId, DateTime OccurrenceStart, DateTime NewStart, DateTime NewEnd) : ICommand<AgendaWriteResult>;

internal sealed class MoveOccurrenceValidator : AbstractValidator<MoveOccurrence>
{
    public MoveOccurrenceValidator()
    {
        RuleFor(command => command.NewEnd).GreaterThan(command => command.NewStart)
            .Says("La fin doit être après le début.", "The end must be after the start.")
            .OverridePropertyName("end");
        RuleFor(command => command.NewStart).Must(start => start.Kind == DateTimeKind.Unspecified && !AgendaTime.Zone.IsInvalidTime(start))
            .Says("Donnez l'heure de début en heure de Paris, sans fuseau (exemple : 2027-03-23T14:00).", "Give the start as a Europe/Paris local time without an offset (for example 2027-03-23T14:00).")
            .OverridePropertyName("start");
    }
}

internal sealed class CancelOccurrenceHandler(ModuleSessions<ICommunityLifeStore> sessions, RealtimeBroker broker, TimeProvider clock)
    : IRequestHandler<CancelOccurrence, AgendaWriteResult>, IRequestHandler<MoveOccurrence, AgendaWriteResult>
{
    public async Task<AgendaWriteResult> Handle(CancelOccurrence command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(CancelOccurrence));
        var stream = await session.LoadActivityForWriteAsync(command.ActivityId, null, cancellationToken);

        var activity = stream.Aggregate!;
        var cancelled = activity.CancelOccurrence(command.OccurrenceStart);

        stream.AppendOne(cancelled);
        var dropped = await DroppedOccurrences.CancelAsync(session, activity, activity.After(cancelled), DroppedOccurrences.OccurrenceCancelled, clock.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);

        AgendaNotifications.Dropped(broker, session.TenantId, dropped, activity, clock.GetUtcNow());
        return new AgendaWriteResult(command.ActivityId, stream.VersionAfter(1));
    }

    public async Task<AgendaWriteResult> Handle(MoveOccurrence command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(MoveOccurrence));
        var stream = await session.LoadActivityForWriteAsync(command.ActivityId, null, cancellationToken);

        var moved = stream.Aggregate!.MoveOccurrence(command.OccurrenceStart, command.NewStart, command.NewEnd);

        stream.AppendOne(moved);
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(command.ActivityId, stream.VersionAfter(1));
    }
}

internal static class CancelOccurrenceEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/activities/{activityId:guid}/occurrences/{start}/cancel", async (Guid activityId, string start, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new CancelOccurrence(activityId, OccurrenceKeys.Parse(start)), cancellationToken)))
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Annule une séance d'une activité (start : début local, ex. 2027-03-23T14:00)");

        api.MapPost("/activities/{activityId:guid}/occurrences/{start}/move", async (Guid activityId, string start, NewTimes body, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new MoveOccurrence(activityId, OccurrenceKeys.Parse(start),
                    body.Start, body.End), cancellationToken)))
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Déplace une séance à une autre heure ou un autre jour");
    }
}
