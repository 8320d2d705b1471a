using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.Offerings;
using BonSecours.Modules.Services.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Services.Features.Orders;

/// <summary>The request body of PUT /orders/{id}: the new slot, quantity and note.</summary>
internal sealed record OrderChanges(DateOnly? Date, string SlotStart, int? Quantity, string? Note);

/// <summary>Moves an order to another slot or changes its quantity or note, before the cut-off. The kiosk confirms it again.</summary>
internal sealed record ChangeOrder(Guid OrderId, DateOnly? Date, string SlotStart, int? Quantity, string? Note, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class ChangeOrderValidator : AbstractValidator<ChangeOrder>
{
    public ChangeOrderValidator()
    {
        RuleFor(command => command.Date).NotNull().Named("date", "date");
        RuleFor(command => command.SlotStart).Must(OfferingFieldRules.IsTimeOfDay)
            .Says("Donnez l'heure du créneau, par exemple 07:30.", "Give the slot's start time as HH:mm, such as 07:30.")
            .Named("créneau", "slot");
        RuleFor(command => command.Quantity).InclusiveBetween(1, OrderLimits.MaxQuantity).Named("quantité", "quantity");
        RuleFor(command => command.Note).MaximumLength(OrderLimits.MaxNoteLength).Named("message", "note");
    }
}

internal sealed class ChangeOrderHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, KioskClock clock, ILogger<ChangeOrderHandler> logger)
    : IRequestHandler<ChangeOrder, WriteResult>
{
    public Task<WriteResult> Handle(ChangeOrder command, CancellationToken cancellationToken) =>
        WriteRetry.RunAsync(logger, nameof(ChangeOrder), () => ChangeOnceAsync(command, cancellationToken));

    private async Task<WriteResult> ChangeOnceAsync(ChangeOrder command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ChangeOrder));
        var stream = await session.LoadForWriteAsync<ServiceOrder>(command.OrderId, command.ExpectedVersion,
            () => KioskRules.OrderNotFound(command.OrderId), cancellationToken);
        var order = stream.Aggregate!;
        await access.EnsureCanActForOrderAsync(session, order, cancellationToken);
        if (!order.IsOpen)
        {
            throw KioskRules.OrderClosed(order.Status);
        }

        if (!access.IsKioskStaff && OrderPlacement.IsPastCutOff(order.CutOff, order.Date, clock))
        {
            throw KioskRules.TooLateToChange(order.CutOff);
        }

        var offering = await OrderPlacement.LoadOfferingAsync(session, order.OfferingId, cancellationToken);
        var date = command.Date!.Value;
        var slot = OrderPlacement.FindSlot(offering, date, command.SlotStart);
        if (date < KioskCalendar.Today(clock) || (!access.IsKioskStaff && OrderPlacement.IsPastCutOff(offering.Details.CutOff, date, clock)))
        {
            throw KioskRules.TooLateToOrder(offering.Details.CutOff);
        }

        if (date != order.Date || slot.Start != order.Slot.Start)
        {
            await OrderPlacement.ReleasePlaceAsync(session, order, cancellationToken);
            await OrderPlacement.TakePlaceAsync(session, offering, date, slot.Start, order.Id, cancellationToken);
        }

        stream.AppendOne(new OrderChanged(order.Id, date, slot, command.Quantity ?? order.Quantity, command.Note?.Trim()));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(order.Id, stream.VersionAfter(1));
    }
}

internal static class ChangeOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/orders/{orderId:guid}", async (Guid orderId, OrderChanges changes, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new ChangeOrder(orderId, changes.Date, changes.SlotStart, changes.Quantity, changes.Note, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .WithTags("Kiosque")
            .WithSummary("Change le créneau, la quantité ou le message d'une commande, avant l'heure limite");
}
