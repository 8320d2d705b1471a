using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Rota;

internal sealed record RemoveRotaShift(Guid ShiftId) : ICommand<Unit>;

internal sealed class RemoveRotaShiftHandler(ModuleSessions<ICareFollowUpStore> sessions) : IRequestHandler<RemoveRotaShift, Unit>
{
    public async Task<Unit> Handle(RemoveRotaShift command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RemoveRotaShift));
        _ = await session.LoadAsync<RotaShift>(command.ShiftId, cancellationToken)
            ?? throw new NotFoundException("rota.shift-not-found", new LocalizedText(
                $"Aucun service {command.ShiftId} dans le planning de cette résidence.",
                $"No shift {command.ShiftId} in this residence's rota."));
        session.Delete<RotaShift>(command.ShiftId);
        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class RemoveRotaShiftEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/on-call-rota/{shiftId:guid}", async (Guid shiftId, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RemoveRotaShift(shiftId), cancellationToken);
                return Results.NoContent();
            })
            .RequireAuthorization(CarePolicies.CareManagement)
            .WithTags("Astreintes")
            .WithSummary("Retire un service du planning d'astreinte");
}
