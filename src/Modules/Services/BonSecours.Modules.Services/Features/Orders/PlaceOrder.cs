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

/// <summary>Orders one offering for one slot (a date and the slot's start, Paris time). Quantity defaults to 1.</summary>
internal sealed record PlaceOrder(Guid OfferingId, Guid ResidentId, DateOnly? Date, string SlotStart, int? Quantity, string? Note) : ICommand<WriteResult>;

internal sealed class PlaceOrderValidator : AbstractValidator<PlaceOrder>
{
    public PlaceOrderValidator()
    {
        RuleFor(command => command.OfferingId).NotEmpty().Named("service", "offering");
        RuleFor(command => command.ResidentId).NotEmpty().Named("résident", "resident");
        RuleFor(command => command.Date).NotNull().Named("date", "date");
        RuleFor(command => command.SlotStart).Must(OfferingFieldRules.IsTimeOfDay)
            .Says("Donnez l'heure du créneau, par exemple 07:30.", "Give the slot's start time as HH:mm, such as 07:30.")
            .Named("créneau", "slot");
        RuleFor(command => command.Quantity).InclusiveBetween(1, OrderLimits.MaxQuantity).Named("quantité", "quantity");
        RuleFor(command => command.Note).MaximumLength(OrderLimits.MaxNoteLength).Named("message", "note");
    }
}

internal static class OrderLimits
{
    public const int MaxQuantity = 20;

    public const int MaxNoteLength = 300;
}

internal sealed class PlaceOrderHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, KioskClock clock, ILogger<PlaceOrderHandler> logger)
    : IRequestHandler<PlaceOrder, WriteResult>
{
    public Task<WriteResult> Handle(PlaceOrder command, CancellationToken cancellationToken)
    {
        var orderId = Guid.NewGuid();
        return WriteRetry.RunAsync(logger, nameof(PlaceOrder), () => PlaceOnceAsync(command, orderId, cancellationToken));
    }

    private async Task<WriteResult> PlaceOnceAsync(PlaceOrder command, Guid orderId, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(PlaceOrder));
        var resident = await access.LoadResidentForActionAsync(session, command.ResidentId, cancellationToken);
        var offering = await OrderPlacement.LoadOfferingAsync(session, command.OfferingId, cancellationToken);
        var date = command.Date!.Value;
        OrderPlacement.FindSlot(offering, date, command.SlotStart);
        if (date < KioskCalendar.Today(clock) || (!access.IsKioskStaff && OrderPlacement.IsPastCutOff(offering.Details.CutOff, date, clock)))
        {
            throw KioskRules.TooLateToOrder(offering.Details.CutOff);
        }

        var message = await OrderPlacement.PlaceAsync(session, new PlacementRequest(
            orderId, offering, resident, date, command.SlotStart, command.Quantity ?? 1, command.Note?.Trim(), null, access.ActorKind), cancellationToken);
        await sessions.Bus.PublishAsync(message);
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(orderId, 1);
    }
}

internal static class PlaceOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/orders", async (PlaceOrder command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                response.SetETag(result.Version);
                return Results.Created($"/api/v1/orders/{result.Id}", result);
            })
            .WithMetadata(new IdempotentEndpointMetadata())
            .WithTags("Kiosque")
            .WithSummary("Commande un service pour un créneau");
}
