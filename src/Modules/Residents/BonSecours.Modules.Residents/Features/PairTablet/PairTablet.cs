using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.PairTablet;

internal sealed record PairTablet(string PairingCode) : ICommand<PairedTablet>;

/// <summary>The device token is returned once; the tablet keeps it, the server only its hash.</summary>
internal sealed record PairedTablet(string DeviceToken, string FirstName);

internal sealed class PairTabletValidator : AbstractValidator<PairTablet>
{
    public PairTabletValidator() =>
        RuleFor(command => command.PairingCode).NotEmpty().MaximumLength(20)
            .Named("code d'association", "pairing code");
}

internal sealed class PairTabletHandler(
    IResidentsStore store, ModuleSessions<IResidentsStore> sessions, ScopedRequestContext context, TimeProvider clock)
    : IRequestHandler<PairTablet, PairedTablet>
{
    public async Task<PairedTablet> Handle(PairTablet command, CancellationToken cancellationToken)
    {
        var lookup = TabletSecrets.PairingCodeLookup(command.PairingCode);
        await using var query = store.QuerySession();
        var found = await query.Query<TabletCredential>()
            .Where(candidate => candidate.AnyTenant() && candidate.PairingCodeLookup == lookup)
            .FirstOrDefaultAsync(cancellationToken) ?? throw TabletRules.PairingCodeUnknown();
        if (found.PairingCodeExpiresAt is not { } expiresAt || expiresAt <= clock.GetUtcNow())
        {
            throw TabletRules.PairingCodeExpired();
        }

        context.UseTablet(found.Residence, found.Id);
        await using var session = sessions.OpenForWrite(nameof(PairTablet));
        var credential = await session.LoadAsync<TabletCredential>(found.Id, cancellationToken);
        if (credential?.PairingCodeLookup != lookup)
        {
            throw TabletRules.PairingCodeUnknown();
        }

        var stream = await session.LoadForWriteAsync<Resident>(credential.Id, null, () => ResidentRules.ResidentNotFound(credential.Id), cancellationToken);
        if (!stream.Aggregate!.CanSignInWithTablet(credential.SerialNumber))
        {
            throw TabletRules.PairingCodeUnknown();
        }

        var secret = TabletSecrets.NewDeviceSecret();
        credential.DeviceSecretHash = TabletSecrets.Hash(credential, secret);
        credential.PairingCodeLookup = null;
        credential.PairingCodeExpiresAt = null;
        session.Store(credential);
        stream.AppendOne(new TabletPaired(credential.SerialNumber));
        var details = await session.LoadAsync<ResidentPersonalDetails>(credential.Id, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return new PairedTablet(new DeviceToken(credential.Residence, credential.Id, secret).ToString(), details?.FirstName ?? string.Empty);
    }
}

internal static class PairTabletEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/tablet/pair", (PairTablet command, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(command, cancellationToken))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.TabletSignIn)
            .WithTags("Authentification")
            .WithSummary("Associe la tablette avec le code donné par l'ambassadeur et renvoie son jeton d'appareil");
}
