using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Features.Offerings;

/// <summary>Takes an offering out of the catalogue; orders already placed stay as they are.</summary>
internal sealed record WithdrawOffering(Guid OfferingId, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class WithdrawOfferingHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<WithdrawOffering, WriteResult>
{
    public async Task<WriteResult> Handle(WithdrawOffering command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(WithdrawOffering));
        var stream = await session.LoadForWriteAsync<ServiceOffering>(command.OfferingId, command.ExpectedVersion,
            () => KioskRules.OfferingNotFound(command.OfferingId), cancellationToken);
        if (stream.Aggregate!.Withdrawn)
        {
            return new WriteResult(command.OfferingId, stream.CurrentVersion ?? 0);
        }

        stream.AppendOne(new OfferingWithdrawn(command.OfferingId));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.OfferingId, stream.VersionAfter(1));
    }
}

internal static class WithdrawOfferingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/offerings/{offeringId:guid}/withdraw", async (Guid offeringId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new WithdrawOffering(offeringId, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.Kiosk)
            .WithTags("Kiosque")
            .WithSummary("Retire un service du catalogue");
}
