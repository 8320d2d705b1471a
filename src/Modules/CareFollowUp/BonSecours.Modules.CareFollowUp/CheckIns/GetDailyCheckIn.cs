using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

internal sealed record GetDailyCheckIn(Guid ResidentId) : IQuery<DailyCheckInView>;

/// <summary>Reads the settings; the read goes through a write session because the access itself is recorded.</summary>
internal sealed class GetDailyCheckInHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access)
    : IRequestHandler<GetDailyCheckIn, DailyCheckInView>
{
    public async Task<DailyCheckInView> Handle(GetDailyCheckIn query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(GetDailyCheckIn));
        await access.EnsureCanAccessAsync(session, query.ResidentId, "daily-check-in.read", cancellationToken);
        var checkIn = await session.LoadAsync<DailyCheckIn>(DailyCheckIn.StreamIdOf(query.ResidentId), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return DailyCheckInView.Of(query.ResidentId, checkIn);
    }
}

internal static class GetDailyCheckInEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/residents/{residentId:guid}/daily-check-in", (Guid residentId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetDailyCheckIn(residentId), cancellationToken))
            .WithTags("Je vais bien")
            .WithSummary("Réglages du « Je vais bien » quotidien d'un résident");
}
