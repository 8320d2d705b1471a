using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Rota;

/// <summary>Lists the shifts that overlap the Paris days from <paramref name="From"/> to <paramref name="To"/>, both included.</summary>
internal sealed record ListRotaShifts(DateOnly From, DateOnly To) : IQuery<IReadOnlyList<RotaShiftView>>;

internal sealed class ListRotaShiftsHandler(ModuleSessions<ICareFollowUpStore> sessions) : IRequestHandler<ListRotaShifts, IReadOnlyList<RotaShiftView>>
{
    public const int MaximumDays = 92;

    public async Task<IReadOnlyList<RotaShiftView>> Handle(ListRotaShifts query, CancellationToken cancellationToken)
    {
        if (query.To < query.From || query.To.DayNumber - query.From.DayNumber > MaximumDays)
        {
            throw new DomainRuleException("rota.invalid-period", new LocalizedText(
                $"La période doit aller d'une date à une date égale ou postérieure, sur {MaximumDays} jours au plus.",
                $"The period must run forward from one date to another, over {MaximumDays} days at most."));
        }

        var start = ParisTime.StartOf(query.From);
        var end = ParisTime.StartOf(query.To.AddDays(1));
        await using var session = sessions.OpenForRead();
        var shifts = await session.Query<RotaShift>()
            .Where(shift => shift.StartsAt < end && shift.EndsAt > start)
            .OrderBy(shift => shift.StartsAt)
            .ToListAsync(cancellationToken);
        return shifts.Select(RotaShiftView.From).ToList();
    }
}

internal static class ListRotaShiftsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/on-call-rota", (DateOnly? from, DateOnly? to, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var today = ParisTime.Today(clock.GetUtcNow());
                return mediator.Send(new ListRotaShifts(from ?? today, to ?? (from ?? today).AddDays(7)), cancellationToken);
            })
            .RequireAuthorization(CarePolicies.CareTeam)
            .WithTags("Astreintes")
            .WithSummary("Planning d'astreinte entre deux dates (par défaut les 7 prochains jours)");
}
