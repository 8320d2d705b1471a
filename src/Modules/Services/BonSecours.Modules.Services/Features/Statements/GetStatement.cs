using System.Globalization;
using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using BonSecours.Modules.Services.Residents;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Features.Statements;

internal sealed record StatementLine(DateOnly Date, Guid OrderId, Guid ResidentId, OfferingKind OfferingKind, string OfferingName, int Quantity, decimal UnitPrice, decimal Amount);

internal sealed record Statement(Guid HouseholdId, string Month, IReadOnlyList<StatementLine> Lines, decimal Total);

/// <summary>
/// A household's monthly statement: every service delivered in the month (Paris dates) at
/// the price of the day it was ordered, and the total. Prices are decimals, so sums are exact.
/// </summary>
internal sealed record GetStatement(Guid HouseholdId, string Month) : IQuery<Statement>;

internal sealed class GetStatementValidator : AbstractValidator<GetStatement>
{
    public GetStatementValidator()
    {
        RuleFor(query => query.HouseholdId).NotEmpty().Named("foyer", "household");
        RuleFor(query => query.Month).Matches("^[0-9]{4}-(0[1-9]|1[0-2])$")
            .Says("Donnez le mois au format AAAA-MM, par exemple 2026-12.", "Give the month as YYYY-MM, such as 2026-12.")
            .Named("mois", "month");
    }
}

internal sealed class GetStatementHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access) : IRequestHandler<GetStatement, Statement>
{
    public async Task<Statement> Handle(GetStatement query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var members = await session.Query<ResidentServiceFile>().Where(file => file.HouseholdId == query.HouseholdId).ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            throw new NotFoundException("household.not-found", new LocalizedText(
                "Ce foyer n'existe pas dans la résidence.",
                $"Household {query.HouseholdId} does not exist in this residence."));
        }

        if (!members.Any(access.CanActFor))
        {
            throw KioskRules.CannotReadHousehold();
        }

        var first = DateOnly.ParseExact(query.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = first.AddMonths(1).AddDays(-1);
        var delivered = await session.Query<ServiceOrder>()
            .Where(order => order.HouseholdId == query.HouseholdId && order.Status == OrderStatus.Delivered && order.Date >= first && order.Date <= last)
            .ToListAsync(cancellationToken);
        var lines = delivered
            .OrderBy(order => order.Date).ThenBy(order => order.Slot.Start, StringComparer.Ordinal).ThenBy(order => order.OfferingName, StringComparer.CurrentCulture)
            .Select(order => new StatementLine(order.Date, order.Id, order.ResidentId, order.OfferingKind, order.OfferingName, order.Quantity, order.UnitPrice, order.Amount))
            .ToList();
        return new Statement(query.HouseholdId, query.Month, lines, lines.Sum(line => line.Amount));
    }
}

internal static class GetStatementEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/statements", async (Guid? householdId, string? month, string? format, IMediator mediator, HttpRequest request, CancellationToken cancellationToken) =>
            {
                var statement = await mediator.Send(new GetStatement(householdId ?? Guid.Empty, month ?? string.Empty), cancellationToken);
                if (!FrenchCsv.IsRequested(request, format))
                {
                    return Results.Ok(statement);
                }

                var lines = new List<string> { FrenchCsv.Line("Date", "Service", "Quantité", "Prix unitaire (€)", "Montant (€)") };
                lines.AddRange(statement.Lines.Select(line => FrenchCsv.Line(
                    FrenchCsv.Date(line.Date), line.OfferingName, line.Quantity.ToString(CultureInfo.InvariantCulture),
                    FrenchCsv.Amount(line.UnitPrice), FrenchCsv.Amount(line.Amount))));
                lines.Add(FrenchCsv.Line("Total", null, null, null, FrenchCsv.Amount(statement.Total)));
                return FrenchCsv.File(lines, $"releve-{statement.Month}.csv");
            })
            .WithTags("Kiosque")
            .WithSummary("Relevé mensuel des services livrés à un foyer (JSON, ou CSV avec Accept: text/csv ou ?format=csv)");
}
