using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.LinkCaregiver;

internal sealed record ConsentRecord(Guid CaregiverId, ConsentMethod ConsentMethod);

/// <summary>Records the resident's consent to be followed by a caregiver, which links them.</summary>
internal sealed record LinkCaregiver(Guid ResidentId, Guid CaregiverId, ConsentMethod ConsentMethod, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class LinkCaregiverValidator : AbstractValidator<LinkCaregiver>
{
    public LinkCaregiverValidator()
    {
        RuleFor(command => command.CaregiverId).NotEmpty().Named("aidant", "caregiver");
        RuleFor(command => command.ConsentMethod).IsInEnum().Named("mode de recueil du consentement", "consent method");
    }
}

internal sealed class LinkCaregiverHandler(ModuleSessions<IResidentsStore> sessions, TimeProvider clock) : IRequestHandler<LinkCaregiver, WriteResult>
{
    public async Task<WriteResult> Handle(LinkCaregiver command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(LinkCaregiver));
        var caregiver = await session.LoadAsync<Caregiver>(command.CaregiverId, cancellationToken) ?? throw ResidentRules.CaregiverNotFound(command.CaregiverId);
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var givenAt = clock.GetUtcNow();
        var events = stream.Aggregate!.LinkCaregiverWithConsent(caregiver.Id, caregiver.Kind, command.ConsentMethod, givenAt);

        stream.AppendMany(events);
        if (events.Count > 0)
        {
            await sessions.Bus.PublishAsync(new Contracts.ConsentGiven(command.ResidentId, caregiver.Id, givenAt));
            await sessions.Bus.PublishAsync(new Contracts.CaregiverLinked(command.ResidentId, caregiver.Id, caregiver.Kind.ToString()));
        }

        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(events.Count));
    }
}

internal static class LinkCaregiverEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/residents/{residentId:guid}/caregivers", async (Guid residentId, ConsentRecord body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new LinkCaregiver(residentId, body.CaregiverId, body.ConsentMethod, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithTags("Aidants")
            .WithSummary("Enregistre le consentement du résident et lie l'aidant");
}
