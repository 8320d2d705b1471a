using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Features.PublishActivity;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.ChangeActivity;

/// <summary>
/// Replaces an activity's details. Registrations keep their occurrence ids, and those of coming
/// occurrences that the new start or recurrence no longer produces are cancelled.
/// </summary>
internal sealed record ChangeActivity(Guid ActivityId, ActivityInput Activity, long? ExpectedVersion) : ICommand<AgendaWriteResult>;

internal sealed class ChangeActivityValidator : AbstractValidator<ChangeActivity>
{
    public ChangeActivityValidator()
    {
        RuleFor(command => command.Activity).NotNull().Named("activité", "activity").SetValidator(new ActivityInputValidator()).OverridePropertyName(string.Empty);
    }
}

/// <summary>Withdraws the whole activity: it leaves the agenda and its feeds, and coming registrations are cancelled.</summary>
internal sealed record WithdrawActivity(Guid ActivityId, long? ExpectedVersion) : ICommand<AgendaWriteResult>;

internal sealed class ChangeActivityHandler(ModuleSessions<ICommunityLifeStore> sessions, RealtimeBroker broker, TimeProvider clock)
    : IRequestHandler<ChangeActivity, AgendaWriteResult>, IRequestHandler<WithdrawActivity, AgendaWriteResult>
{
    public async Task<AgendaWriteResult> Handle(ChangeActivity command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ChangeActivity));
        var stream = await session.LoadActivityForWriteAsync(command.ActivityId, command.ExpectedVersion, cancellationToken);

        var activity = stream.Aggregate!;
        var changed = activity.Change(command.Activity.ToDetails());
        var changedActivity = activity.After(changed);

        stream.AppendOne(changed);
        var dropped = await DroppedOccurrences.CancelAsync(session, activity, changedActivity, DroppedOccurrences.ScheduleChanged, clock.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);

        AgendaNotifications.Dropped(broker, session.TenantId, dropped, changedActivity, clock.GetUtcNow());
        return new AgendaWriteResult(command.ActivityId, stream.VersionAfter(1));
    }

    public async Task<AgendaWriteResult> Handle(WithdrawActivity command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(WithdrawActivity));
        var stream = await session.LoadActivityForWriteAsync(command.ActivityId, command.ExpectedVersion, cancellationToken);

        var activity = stream.Aggregate!;
        var withdrawn = activity.Withdraw();

        stream.AppendOne(withdrawn);
        var dropped = await DroppedOccurrences.CancelAsync(session, activity, activity.After(withdrawn), DroppedOccurrences.ActivityWithdrawn, clock.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);

        AgendaNotifications.Dropped(broker, session.TenantId, dropped, activity, clock.GetUtcNow());
        return new AgendaWriteResult(command.ActivityId, stream.VersionAfter(1));
    }
}

internal static class ChangeActivityEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/activities/{activityId:guid}", async (Guid activityId, ActivityInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new ChangeActivity(activityId, body, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Modifie une activité (If-Match conseillé)");

        api.MapDelete("/activities/{activityId:guid}", async (Guid activityId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new WithdrawActivity(activityId, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Retire une activité de l'agenda");
    }
}
