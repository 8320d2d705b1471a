using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.MoveResidentOut;

internal sealed record MoveOut(DateOnly MoveOutDate);

internal sealed record MoveResidentOut(Guid ResidentId, DateOnly MoveOutDate, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class MoveResidentOutHandler(ModuleSessions<IResidentsStore> sessions) : IRequestHandler<MoveResidentOut, WriteResult>
{
    public async Task<WriteResult> Handle(MoveResidentOut command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(MoveResidentOut));
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var movedOut = stream.Aggregate!.MoveOut(command.MoveOutDate);

        stream.AppendOne(movedOut);
        await sessions.Bus.PublishAsync(new Contracts.ResidentMovedOut(command.ResidentId, movedOut.FlatId, movedOut.HouseholdId, movedOut.MoveOutDate));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(1));
    }
}

internal static class MoveResidentOutEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/residents/{residentId:guid}/move-out", async (Guid residentId, MoveOut body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new MoveResidentOut(residentId, body.MoveOutDate, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithTags("Résidents")
            .WithSummary("Enregistre le départ d'un résident");
}
