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

internal sealed record ChangeOffering(
    Guid OfferingId, long? ExpectedVersion,
    OfferingKind? Kind, string Name, string Description, string Pictogram, decimal? Price,
    IReadOnlyList<DayOfWeek> Days, IReadOnlyList<TimeSlot> Slots, int? CapacityPerSlot, OrderCutOff CutOff)
    : ICommand<WriteResult>, IOfferingFields
{
    public static ChangeOffering From(Guid offeringId, long? expectedVersion, OfferingFields fields) => new(
        offeringId, expectedVersion, fields.Kind, fields.Name, fields.Description, fields.Pictogram, fields.Price,
        fields.Days, fields.Slots, fields.CapacityPerSlot, fields.CutOff);
}

internal sealed class ChangeOfferingValidator : AbstractValidator<ChangeOffering>
{
    public ChangeOfferingValidator() => this.AddOfferingRules();
}

internal sealed class ChangeOfferingHandler(ModuleSessions<IServicesStore> sessions) : IRequestHandler<ChangeOffering, WriteResult>
{
    public async Task<WriteResult> Handle(ChangeOffering command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ChangeOffering));
        var stream = await session.LoadForWriteAsync<ServiceOffering>(command.OfferingId, command.ExpectedVersion,
            () => KioskRules.OfferingNotFound(command.OfferingId), cancellationToken);
        if (stream.Aggregate!.Withdrawn)
        {
            throw KioskRules.OfferingWithdrawn();
        }

        stream.AppendOne(new OfferingChanged(command.OfferingId, command.ToDetails()));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.OfferingId, stream.VersionAfter(1));
    }
}

internal static class ChangeOfferingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/offerings/{offeringId:guid}", async (Guid offeringId, OfferingFields fields, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(ChangeOffering.From(offeringId, request.ExpectedVersion(), fields), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.Kiosk)
            .WithTags("Kiosque")
            .WithSummary("Modifie un service du catalogue (If-Match conseillé)");
}
