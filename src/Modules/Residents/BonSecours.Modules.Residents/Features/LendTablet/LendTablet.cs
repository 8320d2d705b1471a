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

namespace BonSecours.Modules.Residents.Features.LendTablet;

internal sealed record TabletLoan(string SerialNumber, DateOnly LentOn);

internal sealed record LendTablet(Guid ResidentId, string SerialNumber, DateOnly LentOn, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed record ReturnTablet(Guid ResidentId, DateOnly ReturnedOn, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class LendTabletValidator : AbstractValidator<LendTablet>
{
    public LendTabletValidator()
    {
        RuleFor(command => command.SerialNumber).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9-]+$").Named("numéro de série", "serial number");
    }
}

internal sealed class LendTabletHandler(ModuleSessions<IResidentsStore> sessions)
    : IRequestHandler<LendTablet, WriteResult>, IRequestHandler<ReturnTablet, WriteResult>
{
    public async Task<WriteResult> Handle(LendTablet command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(LendTablet));
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var lent = stream.Aggregate!.LendTablet(command.SerialNumber.Trim().ToUpperInvariant(), command.LentOn);

        stream.AppendOne(lent);
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(1));
    }

    public async Task<WriteResult> Handle(ReturnTablet command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ReturnTablet));
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var returned = stream.Aggregate!.ReturnTablet(command.ReturnedOn);

        stream.AppendOne(returned);
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(1));
    }
}

internal static class LendTabletEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/residents/{residentId:guid}/tablet", async (Guid residentId, TabletLoan body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new LendTablet(residentId, body.SerialNumber, body.LentOn, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.Ambassador)
            .WithTags("Tablettes")
            .WithSummary("Enregistre le prêt d'une tablette au résident");

        api.MapPost("/residents/{residentId:guid}/tablet/return", async (Guid residentId, IMediator mediator, HttpRequest request, HttpResponse response, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var result = await mediator.Send(new ReturnTablet(residentId, today, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.Ambassador)
            .WithTags("Tablettes")
            .WithSummary("Enregistre le retour de la tablette prêtée");
    }
}
