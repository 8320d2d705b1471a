using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.PairTablet;

internal sealed record TabletPinRequest(string Pin);

internal sealed record ResetTabletPin(Guid ResidentId, string Pin) : ICommand<Unit>;

internal sealed class ResetTabletPinValidator : AbstractValidator<ResetTabletPin>
{
    public ResetTabletPinValidator() => RuleFor(command => command.Pin).MustBeAGoodPin();
}

/// <summary>Sets a new PIN, clears the failed attempts and unlocks the tablet. The paired device stays paired.</summary>
internal sealed class ResetTabletPinHandler(ModuleSessions<IResidentsStore> sessions) : IRequestHandler<ResetTabletPin, Unit>
{
    public async Task<Unit> Handle(ResetTabletPin command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ResetTabletPin));
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, null, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);
        var credential = await session.LoadAsync<TabletCredential>(command.ResidentId, cancellationToken)
            ?? throw TabletRules.NotPaired();

        credential.PinHash = TabletSecrets.Hash(credential, command.Pin);
        credential.FailedAttempts = 0;
        credential.LockedAt = null;

        session.Store(credential);
        stream.AppendOne(new TabletPinReset(credential.SerialNumber));
        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class ResetTabletPinEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/residents/{residentId:guid}/tablet-pin", async (Guid residentId, TabletPinRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new ResetTabletPin(residentId, body.Pin), cancellationToken);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Ambassador)
            .WithTags("Tablettes")
            .WithSummary("Change le code PIN du résident et débloque sa tablette");
}
