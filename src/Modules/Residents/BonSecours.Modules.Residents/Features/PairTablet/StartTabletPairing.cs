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

internal sealed record TabletPairingRequest(string Pin);

internal sealed record StartTabletPairing(Guid ResidentId, string Pin) : ICommand<TabletPairingCode>;

internal sealed record TabletPairingCode(string PairingCode, DateTimeOffset ExpiresAt);

internal sealed class StartTabletPairingValidator : AbstractValidator<StartTabletPairing>
{
    public StartTabletPairingValidator() => RuleFor(command => command.Pin).MustBeAGoodPin();
}

/// <summary>
/// Gives the ambassador a one-time code for the resident's lent tablet. A new pairing
/// replaces the whole credential, so a previously paired device can no longer sign in.
/// </summary>
internal sealed class StartTabletPairingHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context, TimeProvider clock)
    : IRequestHandler<StartTabletPairing, TabletPairingCode>
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);

    public async Task<TabletPairingCode> Handle(StartTabletPairing command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(StartTabletPairing));
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, null, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var expiresAt = clock.GetUtcNow().Add(CodeLifetime);
        var started = stream.Aggregate!.StartTabletPairing(expiresAt);

        var code = TabletSecrets.NewPairingCode();
        // Load the previous credential, if any, because the document uses optimistic
        // concurrency and Marten rejects storing over a version this session never read.
        // A new pairing replaces every field: the old device, PIN, count and lock go away.
        var credential = await session.LoadAsync<TabletCredential>(command.ResidentId, cancellationToken)
            ?? new TabletCredential { Id = command.ResidentId };
        credential.Residence = context.ResidenceId;
        credential.SerialNumber = started.SerialNumber;
        credential.PairingCodeLookup = TabletSecrets.PairingCodeLookup(code);
        credential.PairingCodeExpiresAt = expiresAt;
        credential.DeviceSecretHash = null;
        credential.FailedAttempts = 0;
        credential.LockedAt = null;
        credential.PinHash = TabletSecrets.Hash(credential, command.Pin);
        stream.AppendOne(started);
        session.Store(credential);
        await session.SaveChangesAsync(cancellationToken);
        return new TabletPairingCode(code, expiresAt);
    }
}

internal static class StartTabletPairingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/residents/{residentId:guid}/tablet-pairing", async (Guid residentId, TabletPairingRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var code = await mediator.Send(new StartTabletPairing(residentId, body.Pin), cancellationToken);
                return Results.Created((string?)null, code);
            })
            .RequireAuthorization(Policies.Ambassador)
            .WithTags("Tablettes")
            .WithSummary("Crée un code d'association à usage unique pour la tablette prêtée et fixe le code PIN du résident");
}
