using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.Offerings;
using BonSecours.Modules.Services.Features.Orders;
using BonSecours.Modules.Services.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Features.RecurringOrders;

/// <summary>Starts a standing order, such as a baguette every weekday morning, from <see cref="StartDate"/> until <see cref="EndDate"/> or its end.</summary>
internal sealed record StartRecurringOrder(
    Guid OfferingId, Guid ResidentId, IReadOnlyList<DayOfWeek> DaysOfWeek, string Slot, int? Quantity, DateOnly? StartDate, DateOnly? EndDate)
    : ICommand<WriteResult>;

internal sealed class StartRecurringOrderValidator : AbstractValidator<StartRecurringOrder>
{
    public StartRecurringOrderValidator()
    {
        RuleFor(command => command.OfferingId).NotEmpty().Named("service", "offering");
        RuleFor(command => command.ResidentId).NotEmpty().Named("résident", "resident");
        RuleFor(command => command.DaysOfWeek).NotEmpty().Named("jours", "days of week");
        RuleFor(command => command.DaysOfWeek)
            .Must(days => days is null || (days.Distinct().Count() == days.Count && days.All(Enum.IsDefined)))
            .Says("Chaque jour est donné une seule fois.", "Each day is listed once.")
            .Named("jours", "days of week");
        RuleFor(command => command.Slot).Must(OfferingFieldRules.IsTimeOfDay)
            .Says("Donnez l'heure du créneau, par exemple 07:30.", "Give the slot's start time as HH:mm, such as 07:30.")
            .Named("créneau", "slot");
        RuleFor(command => command.Quantity).InclusiveBetween(1, OrderLimits.MaxQuantity).Named("quantité", "quantity");
        RuleFor(command => command.StartDate).NotNull().Named("date de début", "start date");
        RuleFor(command => command.EndDate).GreaterThanOrEqualTo(command => command.StartDate)
            .When(command => command.EndDate is not null && command.StartDate is not null)
            .Named("date de fin", "end date");
    }
}

internal sealed class StartRecurringOrderHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, KioskClock clock)
    : IRequestHandler<StartRecurringOrder, WriteResult>
{
    public async Task<WriteResult> Handle(StartRecurringOrder command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(StartRecurringOrder));
        await access.LoadResidentForActionAsync(session, command.ResidentId, cancellationToken);
        var offering = await OrderPlacement.LoadOfferingAsync(session, command.OfferingId, cancellationToken);
        if (offering.Withdrawn)
        {
            throw KioskRules.OfferingWithdrawn();
        }

        if (offering.SlotStartingAt(command.Slot) is null)
        {
            throw KioskRules.UnknownSlot(command.Slot);
        }

        var closedDay = command.DaysOfWeek.FirstOrDefault(day => !offering.Details.Days.Contains(day), (DayOfWeek)(-1));
        if (closedDay != (DayOfWeek)(-1))
        {
            throw KioskRules.NotOfferedOn(closedDay);
        }

        var startDate = command.StartDate!.Value;
        if (startDate < KioskCalendar.Today(clock))
        {
            throw KioskRules.StartInThePast();
        }

        var recurringOrderId = Guid.NewGuid();
        session.Events.StartStream<RecurringOrder>(recurringOrderId, new RecurringOrderStarted(
            recurringOrderId, offering.Id, command.ResidentId, [.. command.DaysOfWeek.Order()], command.Slot, command.Quantity ?? 1,
            startDate, command.EndDate, access.ActorKind));
        await OccurrenceGeneration.EnsureDailyRunAsync(session, sessions.Bus, clock, cancellationToken);
        await sessions.Bus.PublishAsync(new GenerateRecurringOccurrences(recurringOrderId));
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(recurringOrderId, 1);
    }
}

internal static class StartRecurringOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/recurring-orders", async (StartRecurringOrder command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                response.SetETag(result.Version);
                return Results.Created($"/api/v1/recurring-orders/{result.Id}", result);
            })
            .WithMetadata(new IdempotentEndpointMetadata())
            .WithTags("Kiosque")
            .WithSummary("Commande régulière, par exemple une baguette chaque matin de semaine");
}
