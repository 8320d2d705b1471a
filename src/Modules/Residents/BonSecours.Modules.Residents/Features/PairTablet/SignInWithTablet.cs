using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Residents.Features.PairTablet;

internal sealed record SignInWithTablet(string DeviceToken, string Pin) : ICommand<TabletSignInOutcome>;

/// <summary>The access token of a successful sign-in. The portal warns the resident before <c>ExpiresAt</c>.</summary>
internal sealed record TabletSignIn(string AccessToken, DateTimeOffset ExpiresAt, string Role, string FirstName, string PersonId, string Residence);

internal enum TabletSignInFailure { None, DeviceNotRecognized, NoLongerLent, WrongPin, Locked }

internal sealed record TabletSignInOutcome(TabletSignIn? SignIn, TabletSignInFailure Failure, int RemainingAttempts = 0);

internal sealed class SignInWithTabletValidator : AbstractValidator<SignInWithTablet>
{
    public SignInWithTabletValidator()
    {
        RuleFor(command => command.DeviceToken).NotEmpty().MaximumLength(300).Named("jeton de la tablette", "device token");
        RuleFor(command => command.Pin).NotEmpty().MaximumLength(6).Named("code", "PIN");
    }
}

/// <summary>
/// Checks the device token, then the PIN. Every wrong PIN is counted in the credential
/// document, and the fifth locks the tablet until the ambassador resets the PIN. The
/// document uses optimistic concurrency, so wrong PINs sent at the same moment clash on
/// save and are retried from a fresh read. A request that still clashes after
/// <see cref="MaxWriteAttempts"/> tries fails with 412 and is not counted.
/// </summary>
internal sealed class SignInWithTabletHandler(
    ModuleSessions<IResidentsStore> sessions, ScopedRequestContext context, ITokenIssuer issuer, TimeProvider clock,
    ILogger<SignInWithTabletHandler> logger)
    : IRequestHandler<SignInWithTablet, TabletSignInOutcome>
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// How many times one request reads and writes the credential before giving up. Each
    /// round of clashing requests lets at least one of them save, and once the tablet is
    /// locked the others stop writing, so a burst needs about MaxFailedAttempts rounds.
    /// </summary>
    private const int MaxWriteAttempts = TabletCredential.MaxFailedAttempts * 2;

    public async Task<TabletSignInOutcome> Handle(SignInWithTablet command, CancellationToken cancellationToken)
    {
        if (!DeviceToken.TryParse(command.DeviceToken, out var token))
        {
            logger.LogWarning("Tablet sign-in rejected: the device token is malformed");
            return new(null, TabletSignInFailure.DeviceNotRecognized);
        }

        context.UseTablet(token.Residence, token.ResidentId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignInOnceAsync(command, token, cancellationToken);
            }
            catch (JasperFx.ConcurrencyException exception) when (attempt < MaxWriteAttempts)
            {
                // Another request changed the credential or the resident stream between our
                // read and our write, so read both again and check the PIN against the new state.
                logger.LogInformation(exception, "Tablet sign-in for resident {ResidentId} clashed with a concurrent attempt, retry {Attempt}",
                    token.ResidentId, attempt);
            }
        }
    }

    private async Task<TabletSignInOutcome> SignInOnceAsync(SignInWithTablet command, DeviceToken token, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(SignInWithTablet));
        var credential = await session.LoadAsync<TabletCredential>(token.ResidentId, cancellationToken);
        if (credential?.DeviceSecretHash is not { } secretHash || !TabletSecrets.Verify(credential, secretHash, token.Secret))
        {
            logger.LogWarning("Tablet sign-in rejected for resident {ResidentId}: unknown or replaced device", token.ResidentId);
            return new(null, TabletSignInFailure.DeviceNotRecognized);
        }

        if (credential.IsLocked)
        {
            logger.LogWarning("Tablet sign-in rejected for resident {ResidentId}: the tablet is locked", credential.Id);
            return new(null, TabletSignInFailure.Locked);
        }

        var stream = await session.Events.FetchForWriting<Resident>(credential.Id, cancellationToken);
        if (stream.Aggregate?.CanSignInWithTablet(credential.SerialNumber) != true)
        {
            logger.LogWarning("Tablet sign-in rejected for resident {ResidentId}: tablet returned or resident moved out", credential.Id);
            return new(null, TabletSignInFailure.NoLongerLent);
        }

        if (!TabletSecrets.Verify(credential, credential.PinHash, command.Pin))
        {
            return await CountWrongPinAsync(session, stream, credential, cancellationToken);
        }

        credential.FailedAttempts = 0;
        session.Store(credential);
        await session.SaveChangesAsync(cancellationToken);

        var details = await session.LoadAsync<ResidentPersonalDetails>(credential.Id, cancellationToken);
        var firstName = details?.FirstName ?? string.Empty;
        var personId = credential.Id.ToString();
        var issued = issuer.Issue(new TokenSubject($"tablet:{credential.Id:N}", firstName, Roles.Resident, credential.Residence, personId), AccessTokenLifetime);
        return new(new TabletSignIn(issued.AccessToken, issued.ExpiresAt, Roles.Resident, firstName, personId, credential.Residence), TabletSignInFailure.None);
    }

    private async Task<TabletSignInOutcome> CountWrongPinAsync(
        Marten.IDocumentSession session, JasperFx.Events.IEventStream<Resident> stream, TabletCredential credential, CancellationToken cancellationToken)
    {
        credential.FailedAttempts++;
        var locked = credential.FailedAttempts >= TabletCredential.MaxFailedAttempts;
        if (locked)
        {
            credential.LockedAt = clock.GetUtcNow();
            stream.AppendOne(new TabletPinLocked(credential.SerialNumber, credential.FailedAttempts));
        }

        session.Store(credential);
        await session.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Tablet sign-in rejected for resident {ResidentId}: wrong PIN, attempt {FailedAttempts}, locked {Locked}",
            credential.Id, credential.FailedAttempts, locked);
        return locked
            ? new(null, TabletSignInFailure.Locked)
            : new(null, TabletSignInFailure.WrongPin, TabletCredential.MaxFailedAttempts - credential.FailedAttempts);
    }
}
