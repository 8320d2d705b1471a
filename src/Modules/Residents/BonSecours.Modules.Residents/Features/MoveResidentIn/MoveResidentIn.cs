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

namespace BonSecours.Modules.Residents.Features.MoveResidentIn;

internal sealed record MoveIn(Guid FlatId, DateOnly MoveInDate);

/// <summary>Moves a resident into a flat; they join the household already living there, or start one.</summary>
internal sealed record MoveResidentIn(Guid ResidentId, Guid FlatId, DateOnly MoveInDate, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class MoveResidentInValidator : AbstractValidator<MoveResidentIn>
{
    public MoveResidentInValidator()
    {
        RuleFor(command => command.FlatId).NotEmpty().Named("logement", "flat");
        RuleFor(command => command.MoveInDate).GreaterThan(new DateOnly(1950, 1, 1)).Named("date d'arrivée", "move-in date");
    }
}

internal sealed class MoveResidentInHandler(ModuleSessions<IResidentsStore> sessions) : IRequestHandler<MoveResidentIn, WriteResult>
{
    public async Task<WriteResult> Handle(MoveResidentIn command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(MoveResidentIn));
        var flat = await session.LoadAsync<FlatOccupancy>(command.FlatId, cancellationToken) ?? throw ResidentRules.FlatNotFound(command.FlatId);
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var householdId = flat.HouseholdId ?? Guid.CreateVersion7();
        var movedIn = stream.Aggregate!.MoveIn(flat.Id, flat.Number, flat.Floor, householdId, command.MoveInDate);

        stream.AppendOne(movedIn);
        await sessions.Bus.PublishAsync(new Contracts.ResidentMovedIn(command.ResidentId, flat.Id, flat.Number, flat.Floor, householdId, command.MoveInDate));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(1));
    }
}

internal static class MoveResidentInEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/residents/{residentId:guid}/move-in", async (Guid residentId, MoveIn body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new MoveResidentIn(residentId, body.FlatId, body.MoveInDate, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithTags("Résidents")
            .WithSummary("Enregistre l'arrivée d'un résident dans un logement");
}
