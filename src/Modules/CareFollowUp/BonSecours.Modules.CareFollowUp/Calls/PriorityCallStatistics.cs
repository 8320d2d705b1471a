using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Calls;

/// <summary>
/// Answering figures of a period. Times are in seconds; shares are fractions of all counted
/// calls, so an unacknowledged call counts against them.
/// </summary>
internal sealed record PriorityCallStatisticsView(
    DateOnly From,
    DateOnly To,
    bool IncludesTestCalls,
    int Count,
    int AcknowledgedCount,
    double? MedianSecondsToAcknowledge,
    double? Percentile95SecondsToAcknowledge,
    double? ShareAcknowledgedWithin60s,
    double? ShareAcknowledgedWithin180s,
    int Escalations,
    IReadOnlyDictionary<CallOutcome, int> Outcomes,
    double TargetShareWithin60s,
    bool? MeetsTarget);

/// <summary>Reads statistics for the Paris days from <paramref name="From"/> to <paramref name="To"/>, both included.</summary>
internal sealed record GetPriorityCallStatistics(DateOnly From, DateOnly To, bool IncludeTestCalls) : IQuery<PriorityCallStatisticsView>;

internal sealed class GetPriorityCallStatisticsHandler(ModuleSessions<ICareFollowUpStore> sessions)
    : IRequestHandler<GetPriorityCallStatistics, PriorityCallStatisticsView>
{
    /// <summary>The answering target of European telecare services: 98.5 % of calls answered within 60 seconds.</summary>
    public const double TargetShareWithin60s = 0.985;

    public const int MaximumDays = 366;

    public async Task<PriorityCallStatisticsView> Handle(GetPriorityCallStatistics query, CancellationToken cancellationToken)
    {
        if (query.To < query.From || query.To.DayNumber - query.From.DayNumber > MaximumDays)
        {
            throw new DomainRuleException("priority-call.invalid-period", new LocalizedText(
                $"La période doit aller d'une date à une date égale ou postérieure, sur {MaximumDays} jours au plus.",
                $"The period must run forward from one date to another, over {MaximumDays} days at most."));
        }

        var start = ParisTime.StartOf(query.From);
        var end = ParisTime.StartOf(query.To.AddDays(1));
        await using var session = sessions.OpenForRead();
        var calls = await session.Query<PriorityCall>()
            .Where(call => call.RaisedAt >= start && call.RaisedAt < end)
            .ToListAsync(cancellationToken);
        var counted = calls.Where(call => query.IncludeTestCalls || !call.IsTest).ToList();
        return Summarise(query, counted);
    }

    public static PriorityCallStatisticsView Summarise(GetPriorityCallStatistics query, IReadOnlyList<PriorityCall> calls)
    {
        var times = calls.Where(call => call.SecondsToAcknowledge is not null).Select(call => call.SecondsToAcknowledge!.Value).Order().ToList();
        double? ShareWithin(double seconds) => calls.Count == 0 ? null : (double)times.Count(time => time <= seconds) / calls.Count;
        var within60 = ShareWithin(60);
        var outcomes = calls.Where(call => call.Outcome is not null)
            .GroupBy(call => call.Outcome!.Value)
            .ToDictionary(group => group.Key, group => group.Count());

        return new PriorityCallStatisticsView(
            query.From,
            query.To,
            query.IncludeTestCalls,
            calls.Count,
            times.Count,
            Percentile(times, 0.5),
            Percentile(times, 0.95),
            within60,
            ShareWithin(180),
            calls.Sum(call => call.EscalationCount),
            outcomes,
            TargetShareWithin60s,
            within60 is { } share ? share >= TargetShareWithin60s : null);
    }

    /// <summary>Percentile by linear interpolation between closest ranks (the method of Excel's PERCENTILE.INC).</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return Math.Round(sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower])), 1);
    }
}

internal static class GetPriorityCallStatisticsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/priority-calls/statistics", (DateOnly? from, DateOnly? to, bool? includeTestCalls, TimeProvider clock, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var today = ParisTime.Today(clock.GetUtcNow());
                var monthStart = new DateOnly(today.Year, today.Month, 1);
                return mediator.Send(new GetPriorityCallStatistics(from ?? monthStart, to ?? today, includeTestCalls ?? false), cancellationToken);
            })
            .RequireAuthorization(CarePolicies.CallStatistics)
            .WithTags("Appels prioritaires")
            .WithSummary("Statistiques de prise en charge des appels (par défaut le mois en cours, sans les appels de test)");
}
