using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Contracts;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Services.Features.Orders;

// The kiosk staff's steps on an order: confirm it, decline it with a reason, mark it delivered.

internal sealed record ConfirmOrder(Guid OrderId) : ICommand<WriteResult>;

internal sealed record DeclineOrder(Guid OrderId, string Reason) : ICommand<WriteResult>;

internal sealed record DeliverOrder(Guid OrderId) : ICommand<WriteResult>;

internal sealed record DeclineReason(string Reason);

internal sealed class DeclineOrderValidator : AbstractValidator<DeclineOrder>
{
    public DeclineOrderValidator() =>
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(OrderLimits.MaxNoteLength).Named("raison", "reason");
}

internal sealed class ConfirmOrderHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<ConfirmOrder, WriteResult>
{
    public async Task<WriteResult> Handle(ConfirmOrder command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ConfirmOrder));
        var stream = await session.LoadForWriteAsync<ServiceOrder>(command.OrderId, null, () => KioskRules.OrderNotFound(command.OrderId), cancellationToken);
        var order = stream.Aggregate!;
        if (order.Status == OrderStatus.Confirmed)
        {
            return new WriteResult(order.Id, stream.CurrentVersion ?? 0);
        }

        if (order.Status != OrderStatus.Placed)
        {
            throw KioskRules.OrderClosed(order.Status);
        }

        stream.AppendOne(new OrderConfirmed(order.Id));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(order.Id, stream.VersionAfter(1));
    }
}

internal sealed class DeclineOrderHandler(ModuleSessions<IServicesStore> sessions, ILogger<DeclineOrderHandler> logger) : IRequestHandler<DeclineOrder, WriteResult>
{
    public Task<WriteResult> Handle(DeclineOrder command, CancellationToken cancellationToken) =>
        WriteRetry.RunAsync(logger, nameof(DeclineOrder), async () =>
        {
            await using var session = sessions.OpenForWrite(nameof(DeclineOrder));
            var stream = await session.LoadForWriteAsync<ServiceOrder>(command.OrderId, null, () => KioskRules.OrderNotFound(command.OrderId), cancellationToken);
            var order = stream.Aggregate!;
            if (!order.IsOpen)
            {
                throw KioskRules.OrderClosed(order.Status);
            }

            await OrderPlacement.ReleasePlaceAsync(session, order, cancellationToken);
            stream.AppendOne(new OrderDeclined(order.Id, command.Reason.Trim()));
            await sessions.Bus.PublishAsync(new ServiceOrderCancelled(order.Id, order.OfferingId, OrderPlacement.KindName(order.OfferingKind), "kiosk-declined"));
            await session.SaveChangesAsync(cancellationToken);
            return new WriteResult(order.Id, stream.VersionAfter(1));
        });
}

internal sealed class DeliverOrderHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<DeliverOrder, WriteResult>
{
    public async Task<WriteResult> Handle(DeliverOrder command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(DeliverOrder));
        var stream = await session.LoadForWriteAsync<ServiceOrder>(command.OrderId, null, () => KioskRules.OrderNotFound(command.OrderId), cancellationToken);
        var order = stream.Aggregate!;
        if (order.Status == OrderStatus.Delivered)
        {
            return new WriteResult(order.Id, stream.CurrentVersion ?? 0);
        }

        if (!order.IsOpen)
        {
            throw KioskRules.OrderClosed(order.Status);
        }

        stream.AppendOne(new OrderDelivered(order.Id));
        await sessions.Bus.PublishAsync(new ServiceDelivered(order.Id, order.OfferingId, OrderPlacement.KindName(order.OfferingKind), order.Date));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(order.Id, stream.VersionAfter(1));
    }
}

internal static class ReviewOrderEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/orders/{orderId:guid}/confirm", (Guid orderId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                SendAsync(mediator, new ConfirmOrder(orderId), response, cancellationToken))
            .RequireAuthorization(Policies.Kiosk)
            .WithTags("Kiosque")
            .WithSummary("Confirme une commande");

        api.MapPost("/orders/{orderId:guid}/decline", (Guid orderId, DeclineReason body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                SendAsync(mediator, new DeclineOrder(orderId, body.Reason), response, cancellationToken))
            .RequireAuthorization(Policies.Kiosk)
            .WithTags("Kiosque")
            .WithSummary("Refuse une commande, avec une raison");

        api.MapPost("/orders/{orderId:guid}/deliver", (Guid orderId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                SendAsync(mediator, new DeliverOrder(orderId), response, cancellationToken))
            .RequireAuthorization(Policies.Kiosk)
            .WithTags("Kiosque")
            .WithSummary("Marque une commande comme livrée ou faite");
    }

    private static async Task<IResult> SendAsync(IMediator mediator, ICommand<WriteResult> command, HttpResponse response, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        response.SetETag(result.Version);
        return Results.Ok(result);
    }
}
