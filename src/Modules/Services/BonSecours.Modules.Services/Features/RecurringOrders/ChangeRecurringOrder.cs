using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Infrastructure;
using FluentValidation;
using JasperFx.Events;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Services.Features.RecurringOrders;

/// <summary>The request body of POST /recurring-orders/{id}/pauses: the first and last day without delivery.</summary>
internal sealed record PauseDates(DateOnly? From, DateOnly? To);

/// <summary>Pauses a recurring order (holidays, a hospital stay); occurrences already generated in the pause are cancelled while the cut-off allows.</summary>
internal sealed record AddRecurringOrderPause(Guid RecurringOrderId, DateOnly? From, DateOnly? To) : ICommand<WriteResult>;

internal sealed class AddRecurringOrderPauseValidator : AbstractValidator<AddRecurringOrderPause>
{
    public AddRecurringOrderPauseValidator()
    {
        RuleFor(command => command.From).NotNull().Named("début de la pause", "pause start");
        RuleFor(command => command.To).NotNull().Named("fin de la pause", "pause end");
        RuleFor(command => command.To).GreaterThanOrEqualTo(command => command.From)
            .When(command => command.From is not null && command.To is not null)
            .Named("fin de la pause", "pause end");
        RuleFor(command => command)
            .Must(command => command.From is null || command.To is null || command.To.Value.DayNumber - command.From.Value.DayNumber <= 366)
            .Says("Une pause dure au plus un an.", "A pause lasts at most one year.")
            .OverridePropertyName("to");
    }
}

/// <summary>Ends a recurring order after <see cref="EndDate"/> (today when absent); later generated occurrences are cancelled while the cut-off allows.</summary>
internal sealed record EndRecurringOrder(Guid RecurringOrderId, DateOnly? EndDate) : ICommand<WriteResult>;

internal sealed record EndDateBody(DateOnly? EndDate);

internal sealed class AddRecurringOrderPauseHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, KioskClock clock, ILogger<AddRecurringOrderPauseHandler> logger)
    : IRequestHandler<AddRecurringOrderPause, WriteResult>
{
    public Task<WriteResult> Handle(AddRecurringOrderPause command, CancellationToken cancellationToken) =>
        WriteRetry.RunAsync(logger, nameof(AddRecurringOrderPause), async () =>
        {
            await using var session = sessions.OpenForWrite(nameof(AddRecurringOrderPause));
            var stream = await RecurringOrderWrites.LoadAsync(session, access, command.RecurringOrderId, cancellationToken);
            var from = command.From!.Value;
            var to = command.To!.Value;
            stream.AppendOne(new RecurringOrderPaused(command.RecurringOrderId, from, to));
            await OccurrenceGeneration.CancelOccurrencesAsync(session, sessions.Bus, clock, command.RecurringOrderId, from, to, access.ActorKind, cancellationToken);
            await session.SaveChangesAsync(cancellationToken);
            return new WriteResult(command.RecurringOrderId, stream.VersionAfter(1));
        });
}

internal sealed class EndRecurringOrderHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, KioskClock clock, ILogger<EndRecurringOrderHandler> logger)
    : IRequestHandler<EndRecurringOrder, WriteResult>
{
    public Task<WriteResult> Handle(EndRecurringOrder command, CancellationToken cancellationToken) =>
        WriteRetry.RunAsync(logger, nameof(EndRecurringOrder), async () =>
        {
            await using var session = sessions.OpenForWrite(nameof(EndRecurringOrder));
            var stream = await RecurringOrderWrites.LoadAsync(session, access, command.RecurringOrderId, cancellationToken);
            var endDate = command.EndDate ?? KioskCalendar.Today(clock);
            stream.AppendOne(new RecurringOrderEnded(command.RecurringOrderId, endDate));
            await OccurrenceGeneration.CancelOccurrencesAsync(session, sessions.Bus, clock, command.RecurringOrderId, endDate.AddDays(1), DateOnly.MaxValue, access.ActorKind, cancellationToken);
            await session.SaveChangesAsync(cancellationToken);
            return new WriteResult(command.RecurringOrderId, stream.VersionAfter(1));
        });
}

internal static class RecurringOrderWrites
{
    public static async Task<IEventStream<RecurringOrder>> LoadAsync(IDocumentSession session, KioskAccess access, Guid recurringOrderId, CancellationToken cancellationToken)
    {
        var stream = await session.LoadForWriteAsync<RecurringOrder>(recurringOrderId, null, () => KioskRules.RecurringOrderNotFound(recurringOrderId), cancellationToken);
        var recurring = stream.Aggregate!;
        var file = await session.LoadAsync<Residents.ResidentServiceFile>(recurring.ResidentId, cancellationToken);
        if (!access.IsKioskStaff && (file is null || !access.CanActFor(file)))
        {
            throw KioskRules.CannotActFor();
        }

        if (recurring.Ended)
        {
            throw KioskRules.RecurringOrderEnded();
        }

        return stream;
    }
}

internal static class ChangeRecurringOrderEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/recurring-orders/{recurringOrderId:guid}/pauses", async (Guid recurringOrderId, PauseDates pause, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new AddRecurringOrderPause(recurringOrderId, pause.From, pause.To), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .WithTags("Kiosque")
            .WithSummary("Met en pause une commande régulière (vacances, hôpital)");

        api.MapPost("/recurring-orders/{recurringOrderId:guid}/end", async (Guid recurringOrderId, EndDateBody? body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new EndRecurringOrder(recurringOrderId, body?.EndDate), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .WithTags("Kiosque")
            .WithSummary("Arrête une commande régulière");
    }
}
