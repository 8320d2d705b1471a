using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.RegisterResidence;

/// <summary>Registers the caller's residence, or updates its details when it exists.</summary>
internal sealed record RegisterResidence(string Name, string Street, string PostalCode, string Town, int Floors) : ICommand<WriteResult>;

internal sealed class RegisterResidenceValidator : AbstractValidator<RegisterResidence>
{
    public RegisterResidenceValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(120).Named("nom", "name");
        RuleFor(command => command.Street).NotEmpty().MaximumLength(200).Named("adresse", "street");
        RuleFor(command => command.PostalCode).Matches("^[0-9]{5}$").Named("code postal", "postal code")
            .Says("Le code postal compte cinq chiffres.", "The postal code has five digits.");
        RuleFor(command => command.Town).NotEmpty().MaximumLength(120).Named("commune", "town");
        RuleFor(command => command.Floors).InclusiveBetween(1, 60).Named("nombre d'étages", "number of floors");
    }
}

internal sealed class RegisterResidenceHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context)
    : IRequestHandler<RegisterResidence, WriteResult>
{
    public async Task<WriteResult> Handle(RegisterResidence command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RegisterResidence));
        var streamId = Residence.StreamIdFor(context.ResidenceId);
        var stream = await session.Events.FetchForWriting<Residence>(streamId, cancellationToken);

        object change = stream.Aggregate is null
            ? new ResidenceRegistered(context.ResidenceId, command.Name.Trim(), command.Street.Trim(), command.PostalCode, command.Town.Trim(), command.Floors)
            : new ResidenceDetailsChanged(command.Name.Trim(), command.Street.Trim(), command.PostalCode, command.Town.Trim(), command.Floors);
        stream.AppendOne(change);

        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(streamId, stream.VersionAfter(1));
    }
}

internal static class RegisterResidenceEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/residence", async (RegisterResidence command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.Administration)
            .WithTags("Résidence")
            .WithSummary("Enregistre la résidence ou met à jour ses informations");
}
