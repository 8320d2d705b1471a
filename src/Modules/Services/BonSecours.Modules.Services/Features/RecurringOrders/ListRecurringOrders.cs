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

namespace BonSecours.Modules.Services.Features.RecurringOrders;

internal sealed record RecurringOrderView(
    Guid Id, long Version, Guid OfferingId, Guid ResidentId, IReadOnlyList<DayOfWeek> DaysOfWeek, string Slot, int Quantity,
    DateOnly StartDate, DateOnly? EndDate, bool Ended, IReadOnlyList<OrderPause> Pauses, IReadOnlyList<SkippedOccurrence> Skipped)
{
    public static RecurringOrderView Of(RecurringOrder recurring) => new(
        recurring.Id, recurring.Version, recurring.OfferingId, recurring.ResidentId, recurring.DaysOfWeek, recurring.SlotStart, recurring.Quantity,
        recurring.StartDate, recurring.EndDate, recurring.Ended, recurring.Pauses, recurring.Skipped);
}

/// <summary>A resident's recurring orders; kiosk staff may leave out the resident to list all of them.</summary>
internal sealed record ListRecurringOrders(Guid? ResidentId) : IQuery<IReadOnlyList<RecurringOrderView>>;

internal sealed class ListRecurringOrdersHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, IRequestContext context)
    : IRequestHandler<ListRecurringOrders, IReadOnlyList<RecurringOrderView>>
{
    public async Task<IReadOnlyList<RecurringOrderView>> Handle(ListRecurringOrders query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var residentId = query.ResidentId;
        if (residentId is null && context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var self))
        {
            residentId = self;
        }

        if (residentId is { } resident)
        {
            var file = await session.LoadAsync<ResidentServiceFile>(resident, cancellationToken) ?? throw KioskRules.ResidentNotFound(resident);
            access.EnsureCanActFor(file);
        }
        else if (!access.IsKioskStaff)
        {
            throw KioskRules.CannotActFor();
        }

        var recurring = session.Query<RecurringOrder>().AsQueryable();
        if (residentId is { } filter)
        {
            recurring = recurring.Where(order => order.ResidentId == filter);
        }

        var found = await recurring.ToListAsync(cancellationToken);
        return found.OrderBy(order => order.StartDate).Select(RecurringOrderView.Of).ToList();
    }
}

internal static class ListRecurringOrdersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/recurring-orders", (Guid? residentId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListRecurringOrders(residentId), cancellationToken))
            .WithTags("Kiosque")
            .WithSummary("Commandes régulières d'un résident");
}
