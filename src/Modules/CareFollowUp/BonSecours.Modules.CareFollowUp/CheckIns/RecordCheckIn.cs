using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

internal sealed record CheckInView(Guid Id, Guid ResidentId, DateOnly Day, DateTimeOffset CheckedInAt);

internal sealed record RecordCheckIn : ICommand<CheckInView>;

/// <summary>Records the signed-in resident's « Je vais bien ». A second tap the same Paris day returns the first check-in.</summary>
internal sealed class RecordCheckInHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<RecordCheckIn, CheckInView>
{
    public async Task<CheckInView> Handle(RecordCheckIn command, CancellationToken cancellationToken)
    {
        var residentId = CheckInRules.SignedInResident(context);
        await using var session = sessions.OpenForWrite(nameof(RecordCheckIn));
        await access.EnsureCanAccessAsync(session, residentId, "check-ins.record", cancellationToken);
        var stream = await session.Events.FetchForWriting<DailyCheckIn>(DailyCheckIn.StreamIdOf(residentId), cancellationToken);
        if (stream.Aggregate is not { Enabled: true } checkIn)
        {
            throw CheckInRules.NotEnabled();
        }

        var today = ParisTime.Today(clock);
        var view = checkIn.CheckedInOn(today)
            ? new CheckInView(checkIn.LastCheckInId!.Value, residentId, today, checkIn.LastCheckInAt!.Value)
            : new CheckInView(DailyCheckIn.CheckInIdOf(residentId, today), residentId, today, clock.GetUtcNow());
        if (!checkIn.CheckedInOn(today))
        {
            stream.AppendOne(new CheckInRecorded(residentId, view.Id, today, view.CheckedInAt));
        }

        await session.SaveChangesAsync(cancellationToken);
        return view;
    }
}

internal static class RecordCheckInEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/check-ins", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new RecordCheckIn(), cancellationToken))
            .WithTags("Je vais bien")
            .WithSummary("Le résident connecté dit « Je vais bien » (une fois par jour, un second appui renvoie le même)");
}
