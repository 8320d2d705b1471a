using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

internal sealed record RecordPortalActivity : ICommand<Unit>;

/// <summary>
/// Notes that the signed-in resident used the portal today. It is not a check-in; it only
/// counts as a sign of life when the resident chose so. The first activity of a day is kept.
/// </summary>
internal sealed class RecordPortalActivityHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<RecordPortalActivity, Unit>
{
    public async Task<Unit> Handle(RecordPortalActivity command, CancellationToken cancellationToken)
    {
        var residentId = CheckInRules.SignedInResident(context);
        await using var session = sessions.OpenForWrite(nameof(RecordPortalActivity));
        await access.EnsureCanAccessAsync(session, residentId, "check-ins.activity", cancellationToken);
        var stream = await session.Events.FetchForWriting<DailyCheckIn>(DailyCheckIn.StreamIdOf(residentId), cancellationToken);

        var today = ParisTime.Today(clock);
        if (stream.Aggregate is { Enabled: true } checkIn && checkIn.LastPortalActivityDay != today)
        {
            stream.AppendOne(new PortalActivityRecorded(residentId, today, clock.GetUtcNow()));
        }

        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class RecordPortalActivityEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/check-ins/activity", async (IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RecordPortalActivity(), cancellationToken);
                return Results.NoContent();
            })
            .WithTags("Je vais bien")
            .WithSummary("Note que le résident connecté a utilisé le portail aujourd'hui (ce n'est pas un « Je vais bien »)");
}
