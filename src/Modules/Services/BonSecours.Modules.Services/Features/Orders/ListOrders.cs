using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using FluentValidation;
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

namespace BonSecours.Modules.Services.Features.Orders;

/// <summary>
/// Orders, sorted by date and slot. Residents see their own, caregivers those of a resident
/// who consented (residentId required), kiosk staff and administrators everyone's.
/// </summary>
internal sealed record ListOrders(Guid? ResidentId, DateOnly? Date, string? Status) : IQuery<IReadOnlyList<OrderView>>
{
    /// <summary>Parses the status filter as the JSON writes it ("placed", "confirmed"), ignoring case.</summary>
    public static bool TryParseStatus(string? value, out OrderStatus? status)
    {
        status = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (Enum.TryParse<OrderStatus>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            status = parsed;
            return true;
        }

        return false;
    }
}

internal sealed class ListOrdersValidator : AbstractValidator<ListOrders>
{
    public ListOrdersValidator() =>
        RuleFor(query => query.Status).Must(status => ListOrders.TryParseStatus(status, out _))
            .Says("Le statut est placed, confirmed, declined, cancelled ou delivered.",
                "The status is one of placed, confirmed, declined, cancelled or delivered.")
            .Named("statut", "status");
}

internal sealed class ListOrdersHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, IRequestContext context)
    : IRequestHandler<ListOrders, IReadOnlyList<OrderView>>
{
    public async Task<IReadOnlyList<OrderView>> Handle(ListOrders query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var residentId = await ResolveResidentAsync(session, query.ResidentId, cancellationToken);

        var orders = session.Query<ServiceOrder>().AsQueryable();
        if (residentId is { } resident)
        {
            orders = orders.Where(order => order.ResidentId == resident);
        }

        if (query.Date is { } date)
        {
            orders = orders.Where(order => order.Date == date);
        }

        ListOrders.TryParseStatus(query.Status, out var statusFilter);
        if (statusFilter is { } status)
        {
            orders = orders.Where(order => order.Status == status);
        }

        var found = await orders.ToListAsync(cancellationToken);
        return found.OrderBy(order => order.Date).ThenBy(order => order.Slot.Start, StringComparer.Ordinal)
            .Select(OrderView.Of)
            .ToList();
    }

    /// <summary>Returns the resident whose orders the caller may list, or null for kiosk staff listing everyone's.</summary>
    private async Task<Guid?> ResolveResidentAsync(IQuerySession session, Guid? requested, CancellationToken cancellationToken)
    {
        if (access.IsKioskStaff)
        {
            return requested;
        }

        if (context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var self))
        {
            if (requested is { } other && other != self)
            {
                throw KioskRules.CannotActFor();
            }

            return self;
        }

        if (context.Role == Roles.Caregiver)
        {
            if (requested is not { } residentId)
            {
                throw new DomainRuleException("orders.resident-required", new LocalizedText(
                    "Choisissez la personne dont vous voulez voir les commandes.",
                    "Give the residentId of the resident whose orders you want to list."));
            }

            var file = await session.LoadAsync<ResidentServiceFile>(residentId, cancellationToken) ?? throw KioskRules.ResidentNotFound(residentId);
            access.EnsureCanActFor(file);
            return residentId;
        }

        throw new AccessDeniedException("orders.access-denied", new LocalizedText(
            "Vous n'avez pas accès aux commandes du kiosque.",
            "You do not have access to the kiosk's orders."));
    }
}

internal sealed record GetOrder(Guid OrderId) : IQuery<OrderView>;

internal sealed class GetOrderHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access) : IRequestHandler<GetOrder, OrderView>
{
    public async Task<OrderView> Handle(GetOrder query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var order = await session.LoadAsync<ServiceOrder>(query.OrderId, cancellationToken) ?? throw KioskRules.OrderNotFound(query.OrderId);
        await access.EnsureCanActForOrderAsync(session, order, cancellationToken);
        return OrderView.Of(order);
    }
}

internal static class ListOrdersEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/orders", (Guid? residentId, DateOnly? date, string? status, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListOrders(residentId, date, status), cancellationToken))
            .WithTags("Kiosque")
            .WithSummary("Liste des commandes (les siennes, celles d'un proche ou toutes pour le kiosque)");

        api.MapGet("/orders/{orderId:guid}", async (Guid orderId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var order = await mediator.Send(new GetOrder(orderId), cancellationToken);
                response.SetETag(order.Version);
                return order;
            })
            .WithTags("Kiosque")
            .WithSummary("Une commande (avec ETag)");
    }
}
