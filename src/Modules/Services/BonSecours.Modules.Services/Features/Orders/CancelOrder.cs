using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Services.Features.Orders;

/// <summary>Cancels an order and frees its place. Residents and caregivers must cancel before the cut-off.</summary>
internal sealed record CancelOrder(Guid OrderId) : ICommand<WriteResult>;

internal sealed class CancelOrderHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, KioskClock clock, ILogger<CancelOrderHandler> logger)
    : IRequestHandler<CancelOrder, WriteResult>
{
    public Task<WriteResult> Handle(CancelOrder command, CancellationToken cancellationToken) =>
        WriteRetry.RunAsync(logger, nameof(CancelOrder), () => CancelOnceAsync(command, cancellationToken));

    private async Task<WriteResult> CancelOnceAsync(CancelOrder command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(CancelOrder));
        var order = await session.LoadAsync<ServiceOrder>(command.OrderId, cancellationToken) ?? throw KioskRules.OrderNotFound(command.OrderId);
        await access.EnsureCanActForOrderAsync(session, order, cancellationToken);
        if (!order.IsOpen)
        {
            throw KioskRules.OrderClosed(order.Status);
        }

        if (!access.IsKioskStaff && OrderPlacement.IsPastCutOff(order.CutOff, order.Date, clock))
        {
            throw KioskRules.TooLateToChange(order.CutOff);
        }

        var message = await OrderPlacement.CancelAsync(session, order.Id, access.ActorKind, cancellationToken)
            ?? throw KioskRules.OrderClosed(order.Status);
        await sessions.Bus.PublishAsync(message);
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(order.Id, order.Version + 1);
    }
}

internal static class CancelOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/orders/{orderId:guid}/cancel", async (Guid orderId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new CancelOrder(orderId), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .WithTags("Kiosque")
            .WithSummary("Annule une commande, avant l'heure limite");
}
