using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.WithdrawConsent;

/// <summary>
/// Withdraws the resident's consent, which unlinks the caregiver at once. The resident may
/// do it themselves, as may the staff who keep the records.
/// </summary>
internal sealed record WithdrawConsent(Guid ResidentId, Guid CaregiverId, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class WithdrawConsentHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context, TimeProvider clock)
    : IRequestHandler<WithdrawConsent, WriteResult>
{
    public async Task<WriteResult> Handle(WithdrawConsent command, CancellationToken cancellationToken)
    {
        var isSelf = context.Role == Roles.Resident && context.PersonId == command.ResidentId.ToString();
        if (!isSelf && context.Role is not (Roles.Administrator or Roles.ActivityCoordinator))
        {
            throw new AccessDeniedException("resident.consent-withdrawal-denied", new LocalizedText(
                "Seul le résident ou le personnel qui tient les dossiers peut retirer ce consentement.",
                "Only the resident or the staff who keep the records can withdraw this consent."));
        }

        await using var session = sessions.OpenForWrite(nameof(WithdrawConsent));
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var withdrawnAt = clock.GetUtcNow();
        var events = stream.Aggregate!.WithdrawConsent(command.CaregiverId, withdrawnAt);

        stream.AppendMany(events);
        await sessions.Bus.PublishAsync(new Contracts.ConsentWithdrawn(command.ResidentId, command.CaregiverId, withdrawnAt));
        await sessions.Bus.PublishAsync(new Contracts.CaregiverUnlinked(command.ResidentId, command.CaregiverId));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(events.Count));
    }
}

internal static class WithdrawConsentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/residents/{residentId:guid}/caregivers/{caregiverId:guid}", async (Guid residentId, Guid caregiverId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new WithdrawConsent(residentId, caregiverId, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .WithTags("Aidants")
            .WithSummary("Retire le consentement du résident : l'aidant n'a plus accès");
}
