using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using BonSecours.Modules.Services.Residents;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Features.DailyRounds;

internal sealed record DailyRoundStop(
    int? Floor, string? FlatNumber, Guid ResidentId, Guid OrderId, string SlotStart, string SlotEnd,
    OfferingKind OfferingKind, string OfferingName, int Quantity, string? Note, OrderStatus Status);

internal sealed record DailyRound(DateOnly Date, IReadOnlyList<DailyRoundStop> Stops);

/// <summary>
/// What the kiosk delivers on one day and to which flat: the open and delivered orders of
/// the date, sorted by floor, then flat number, then slot.
/// </summary>
internal sealed record GetDailyRound(DateOnly Date) : IQuery<DailyRound>;

internal sealed class GetDailyRoundHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<GetDailyRound, DailyRound>
{
    public async Task<DailyRound> Handle(GetDailyRound query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var orders = await session.Query<ServiceOrder>()
            .Where(order => order.Date == query.Date
                && (order.Status == OrderStatus.Placed || order.Status == OrderStatus.Confirmed || order.Status == OrderStatus.Delivered))
            .ToListAsync(cancellationToken);
        var residentIds = orders.Select(order => order.ResidentId).Distinct().ToArray();
        var files = (await session.LoadManyAsync<ResidentServiceFile>(cancellationToken, residentIds)).ToDictionary(file => file.Id);

        var stops = orders
            .Select(order =>
            {
                files.TryGetValue(order.ResidentId, out var file);
                return new DailyRoundStop(file?.Floor, file?.FlatNumber, order.ResidentId, order.Id, order.Slot.Start, order.Slot.End,
                    order.OfferingKind, order.OfferingName, order.Quantity, order.Note, order.Status);
            })
            .OrderBy(stop => stop.Floor ?? int.MaxValue)
            .ThenBy(stop => stop.FlatNumber, FlatNumberComparer.Instance)
            .ThenBy(stop => stop.SlotStart, StringComparer.Ordinal)
            .ThenBy(stop => stop.OfferingName, StringComparer.CurrentCulture)
            .ToList();
        return new DailyRound(query.Date, stops);
    }
}

/// <summary>Sorts flat numbers as people read them: "B2" before "B10".</summary>
internal sealed class FlatNumberComparer : IComparer<string?>
{
    public static readonly FlatNumberComparer Instance = new();

    public int Compare(string? x, string? y) =>
        string.Compare(x, y, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.NumericOrdering);
}

internal static class GetDailyRoundEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/daily-rounds/{date}", async (DateOnly date, string? format, IMediator mediator, HttpRequest request, CancellationToken cancellationToken) =>
            {
                var round = await mediator.Send(new GetDailyRound(date), cancellationToken);
                if (!FrenchCsv.IsRequested(request, format))
                {
                    return Results.Ok(round);
                }

                var lines = new List<string> { FrenchCsv.Line("Étage", "Logement", "Créneau", "Service", "Quantité", "Message", "Statut") };
                lines.AddRange(round.Stops.Select(stop => FrenchCsv.Line(
                    stop.Floor?.ToString(System.Globalization.CultureInfo.InvariantCulture), stop.FlatNumber, $"{stop.SlotStart}-{stop.SlotEnd}",
                    stop.OfferingName, stop.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), stop.Note, StatusInFrench(stop.Status))));
                return FrenchCsv.File(lines, $"tournee-{date:yyyy-MM-dd}.csv");
            })
            .RequireAuthorization(Policies.Kiosk)
            .WithTags("Kiosque")
            .WithSummary("Tournée du jour : quoi livrer à quel logement, par étage puis logement (JSON ou ?format=csv)");

    private static string StatusInFrench(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "à confirmer",
        OrderStatus.Confirmed => "confirmée",
        OrderStatus.Delivered => "livrée",
        OrderStatus.Declined => "refusée",
        _ => "annulée",
    };
}
