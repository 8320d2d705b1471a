using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
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

namespace BonSecours.Modules.Residents.Features.RegisterFlat;

internal sealed record RegisterFlat(string Number, int Floor, int Rooms, decimal? AreaSquareMetres, bool StepFreeAccess) : ICommand<WriteResult>;

internal sealed class RegisterFlatValidator : AbstractValidator<RegisterFlat>
{
    public RegisterFlatValidator()
    {
        RuleFor(command => command.Number).NotEmpty().MaximumLength(16).Matches("^[0-9A-Za-z][0-9A-Za-z .-]*$")
            .Named("numéro de logement", "flat number");
        RuleFor(command => command.Floor).InclusiveBetween(-2, 60).Named("étage", "floor");
        RuleFor(command => command.Rooms).InclusiveBetween(1, 12).Named("nombre de pièces", "number of rooms");
        RuleFor(command => command.AreaSquareMetres).InclusiveBetween(5m, 400m).When(command => command.AreaSquareMetres is not null)
            .Named("surface", "area");
    }
}

internal sealed class RegisterFlatHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context)
    : IRequestHandler<RegisterFlat, WriteResult>
{
    public async Task<WriteResult> Handle(RegisterFlat command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RegisterFlat));
        var number = command.Number.Trim();
        var flatId = Flat.IdFor(context.ResidenceId, number);
        var existing = await session.Events.FetchStreamStateAsync(flatId, cancellationToken);
        if (existing is not null)
        {
            throw new ConflictException("flat.number-taken", new LocalizedText(
                $"Le logement n° {number} existe déjà dans cette résidence.",
                $"Flat {number} already exists in this residence."));
        }

        session.Events.StartStream<Flat>(flatId, new FlatRegistered(flatId, number, command.Floor, command.Rooms, command.AreaSquareMetres, command.StepFreeAccess));

        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(flatId, 1);
    }
}

internal static class RegisterFlatEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/flats", async (RegisterFlat command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                response.SetETag(result.Version);
                return Results.Created($"/api/v1/flats/{result.Id}", result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithMetadata(new IdempotentEndpointMetadata())
            .WithTags("Logements")
            .WithSummary("Enregistre un logement");
}
