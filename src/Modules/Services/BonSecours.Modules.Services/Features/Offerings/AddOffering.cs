using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Features.Offerings;

internal sealed record AddOffering(
    OfferingKind? Kind, string Name, string Description, string Pictogram, decimal? Price,
    IReadOnlyList<DayOfWeek> Days, IReadOnlyList<TimeSlot> Slots, int? CapacityPerSlot, OrderCutOff CutOff)
    : ICommand<WriteResult>, IOfferingFields;

internal sealed class AddOfferingValidator : AbstractValidator<AddOffering>
{
    public AddOfferingValidator() => this.AddOfferingRules();
}

internal sealed class AddOfferingHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<AddOffering, WriteResult>
{
    public async Task<WriteResult> Handle(AddOffering command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(AddOffering));
        var offeringId = Guid.NewGuid();
        session.Events.StartStream<ServiceOffering>(offeringId, new OfferingAdded(offeringId, command.ToDetails()));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(offeringId, 1);
    }
}

internal static class AddOfferingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/offerings", async (AddOffering command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                response.SetETag(result.Version);
                return Results.Created($"/api/v1/offerings/{result.Id}", result);
            })
            .RequireAuthorization(Policies.Kiosk)
            .WithMetadata(new IdempotentEndpointMetadata())
            .WithTags("Kiosque")
            .WithSummary("Ajoute un service au catalogue du kiosque");
}
