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

namespace BonSecours.Modules.Residents.Features.ChangeFlatDetails;

internal sealed record FlatDetails(int Floor, int Rooms, decimal? AreaSquareMetres, bool StepFreeAccess);

internal sealed record ChangeFlatDetails(Guid FlatId, FlatDetails Details, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class ChangeFlatDetailsValidator : AbstractValidator<ChangeFlatDetails>
{
    public ChangeFlatDetailsValidator()
    {
        RuleFor(command => command.Details).NotNull().Named("détails du logement", "flat details");
        RuleFor(command => command.Details.Floor).InclusiveBetween(-2, 60).When(command => command.Details is not null).Named("étage", "floor");
        RuleFor(command => command.Details.Rooms).InclusiveBetween(1, 12).When(command => command.Details is not null).Named("nombre de pièces", "number of rooms");
    }
}

internal sealed class ChangeFlatDetailsHandler(ModuleSessions<IResidentsStore> sessions)
    : IRequestHandler<ChangeFlatDetails, WriteResult>
{
    public async Task<WriteResult> Handle(ChangeFlatDetails command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ChangeFlatDetails));
        var stream = await session.LoadForWriteAsync<Flat>(command.FlatId, command.ExpectedVersion, () => ResidentRules.FlatNotFound(command.FlatId), cancellationToken);

        var details = command.Details;
        var events = stream.Aggregate!.ChangeDetails(details.Floor, details.Rooms, details.AreaSquareMetres, details.StepFreeAccess);

        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.FlatId, stream.VersionAfter(events.Count));
    }
}

internal static class ChangeFlatDetailsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/flats/{flatId:guid}", async (Guid flatId, FlatDetails details, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new ChangeFlatDetails(flatId, details, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithTags("Logements")
            .WithSummary("Modifie un logement (If-Match conseillé)");
}
