using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Residents;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

internal sealed record MissingCheckIn(Guid ResidentId, string? FlatNumber, int? Floor, string Deadline, DateTimeOffset? LastCheckInAt);

internal sealed record ListMissingCheckIns : IQuery<IReadOnlyList<MissingCheckIn>>;

/// <summary>
/// The « pas encore de nouvelles » list: residents living here who opted in, whose deadline
/// passed today and who showed no sign of life today. Each listed resident's access is recorded.
/// </summary>
internal sealed class ListMissingCheckInsHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<ListMissingCheckIns, IReadOnlyList<MissingCheckIn>>
{
    public async Task<IReadOnlyList<MissingCheckIn>> Handle(ListMissingCheckIns query, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var now = clock.GetUtcNow();
        await using var session = sessions.OpenForWrite(nameof(ListMissingCheckIns));
        var enabled = await session.Query<DailyCheckIn>().Where(checkIn => checkIn.Enabled).ToListAsync(cancellationToken);
        var late = enabled.Where(checkIn => ParisTime.DeadlineOn(today, checkIn.Deadline) <= now && !checkIn.ShowedSignOfLifeOn(today)).ToList();
        var residentIds = late.Select(checkIn => checkIn.ResidentId).ToArray();
        var files = (await session.LoadManyAsync<ResidentCareFile>(cancellationToken, residentIds)).Where(file => file.LivesHere).ToDictionary(file => file.Id);

        var missing = late.Where(checkIn => files.ContainsKey(checkIn.ResidentId))
            .Select(checkIn => new MissingCheckIn(checkIn.ResidentId, files[checkIn.ResidentId].FlatNumber, files[checkIn.ResidentId].Floor, CheckInRules.Format(checkIn.Deadline), checkIn.LastCheckInAt))
            .OrderBy(entry => entry.Floor).ThenBy(entry => entry.FlatNumber)
            .ToList();
        foreach (var entry in missing)
        {
            access.Record(session, entry.ResidentId, "check-ins.missing");
        }

        await session.SaveChangesAsync(cancellationToken);
        return missing;
    }
}

internal static class ListMissingCheckInsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/check-ins/missing", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListMissingCheckIns(), cancellationToken))
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser()
                .RequireClaim(ClaimNames.Residence)
                .RequireClaim(ClaimNames.Role, Roles.CareStaff, Roles.OnCall, Roles.Administrator))
            .WithTags("Je vais bien")
            .WithSummary("Résidents sans « Je vais bien » aujourd'hui après leur heure limite (pas encore de nouvelles)");
}
