using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.Orders;
using BonSecours.Modules.Services.Residents;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace BonSecours.Modules.Services.Features.RecurringOrders;

/// <summary>The next run of a residence's daily generation; a message for another date is a stale duplicate and does nothing.</summary>
internal sealed class OccurrenceSchedule
{
    public Guid Id { get; set; }

    public DateOnly NextRun { get; set; }

    public static Guid IdFor(string residenceId) => DeterministicGuid.Create(residenceId, "occurrence-schedule");
}

/// <summary>
/// Turns recurring orders into real orders ahead of time. Each occurrence's order id derives
/// from the recurring order and the date, so generating twice (a retry, a restart, two runs)
/// finds the stream already there and places nothing more.
/// </summary>
internal static class OccurrenceGeneration
{
    /// <summary>How many days ahead occurrences become orders.</summary>
    public const int HorizonDays = 7;

    /// <summary>Paris local time of the daily run.</summary>
    public static readonly TimeOnly DailyRunAt = new(2, 0);

    public static async Task PlanAsync(IDocumentSession session, IMessageBus bus, TimeProvider clock, Guid recurringOrderId, CancellationToken cancellationToken)
    {
        var recurring = await session.LoadAsync<RecurringOrder>(recurringOrderId, cancellationToken);
        if (recurring is null || recurring.Ended)
        {
            return;
        }

        var today = KioskCalendar.Today(clock);
        for (var date = today; date <= today.AddDays(HorizonDays); date = date.AddDays(1))
        {
            if (!recurring.IsDueOn(date) || recurring.Skipped.Any(skipped => skipped.Date == date))
            {
                continue;
            }

            var orderId = RecurringOrder.OccurrenceOrderId(recurring.Id, date);
            if (await session.Events.FetchStreamStateAsync(orderId, cancellationToken) is null)
            {
                await bus.PublishAsync(new PlaceRecurringOccurrence(recurring.Id, date), new DeliveryOptions { TenantId = session.TenantId });
            }
        }
    }

    public static async Task PlaceAsync(IDocumentSession session, IMessageBus bus, TimeProvider clock, ILogger logger, PlaceRecurringOccurrence message, CancellationToken cancellationToken)
    {
        var recurring = await session.LoadAsync<RecurringOrder>(message.RecurringOrderId, cancellationToken);
        var orderId = RecurringOrder.OccurrenceOrderId(message.RecurringOrderId, message.Date);
        if (recurring is null || !recurring.IsDueOn(message.Date)
            || recurring.Skipped.Any(skipped => skipped.Date == message.Date)
            || await session.Events.FetchStreamStateAsync(orderId, cancellationToken) is not null)
        {
            return;
        }

        var offering = await session.LoadAsync<ServiceOffering>(recurring.OfferingId, cancellationToken);
        var resident = await session.LoadAsync<ResidentServiceFile>(recurring.ResidentId, cancellationToken);
        if (offering is null || resident is null || !resident.LivesHere)
        {
            Skip(session, recurring, message.Date, "Le service ou la personne n'est plus là.");
            return;
        }

        if (OrderPlacement.IsPastCutOff(offering.Details.CutOff, message.Date, clock))
        {
            Skip(session, recurring, message.Date, "C'était trop tard pour commander ce jour-là.");
            return;
        }

        try
        {
            var ordered = await OrderPlacement.PlaceAsync(session, new PlacementRequest(
                orderId, offering, resident, message.Date, recurring.SlotStart, recurring.Quantity, null, recurring.Id, "recurring"), cancellationToken);
            await bus.PublishAsync(ordered, new DeliveryOptions { TenantId = session.TenantId });
        }
        catch (DomainException refused)
        {
            // A full slot, a withdrawn offering or a day no longer offered: the occurrence is
            // recorded as skipped with the reason instead of overbooking or failing forever.
            logger.LogInformation("Recurring order {RecurringOrderId} skipped {Date}: {Code}", recurring.Id, message.Date, refused.Code);
            Skip(session, recurring, message.Date, refused.Detail.French);
        }
    }

    public static async Task RunDailyAsync(IDocumentSession session, IMessageBus bus, TimeProvider clock, GenerateDailyOccurrences message, CancellationToken cancellationToken)
    {
        var schedule = await session.LoadAsync<OccurrenceSchedule>(OccurrenceSchedule.IdFor(session.TenantId), cancellationToken);
        if (schedule is null || schedule.NextRun != message.ForDate)
        {
            return;
        }

        var active = await session.Query<RecurringOrder>().Where(recurring => !recurring.Ended).Select(recurring => recurring.Id).ToListAsync(cancellationToken);
        foreach (var recurringOrderId in active)
        {
            await bus.PublishAsync(new GenerateRecurringOccurrences(recurringOrderId), new DeliveryOptions { TenantId = session.TenantId });
        }

        await ScheduleNextRunAsync(session, bus, schedule, message.ForDate.AddDays(1));
    }

    /// <summary>Starts the residence's daily run when none is pending, for instance on the first recurring order.</summary>
    public static async Task EnsureDailyRunAsync(IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = KioskCalendar.Today(clock);
        var schedule = await session.LoadAsync<OccurrenceSchedule>(OccurrenceSchedule.IdFor(session.TenantId), cancellationToken);
        if (schedule is not null && schedule.NextRun > today)
        {
            return;
        }

        schedule ??= new OccurrenceSchedule { Id = OccurrenceSchedule.IdFor(session.TenantId) };
        await ScheduleNextRunAsync(session, bus, schedule, today.AddDays(1));
    }

    /// <summary>Cancels the generated occurrences in a date range that can still be cancelled; returns how many.</summary>
    public static async Task<int> CancelOccurrencesAsync(IDocumentSession session, IMessageBus bus, TimeProvider clock, Guid recurringOrderId, DateOnly from, DateOnly to, string cancelledBy, CancellationToken cancellationToken)
    {
        var today = KioskCalendar.Today(clock);
        var first = from > today ? from : today;
        var last = to < today.AddDays(HorizonDays + 1) ? to : today.AddDays(HorizonDays + 1);
        var cancelled = 0;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var order = await session.LoadAsync<ServiceOrder>(RecurringOrder.OccurrenceOrderId(recurringOrderId, date), cancellationToken);
            if (order is null || !order.IsOpen || OrderPlacement.IsPastCutOff(order.CutOff, order.Date, clock))
            {
                continue;
            }

            var message = await OrderPlacement.CancelAsync(session, order.Id, cancelledBy, cancellationToken);
            if (message is not null)
            {
                await bus.PublishAsync(message, new DeliveryOptions { TenantId = session.TenantId });
                cancelled++;
            }
        }

        return cancelled;
    }

    private static async Task ScheduleNextRunAsync(IDocumentSession session, IMessageBus bus, OccurrenceSchedule schedule, DateOnly next)
    {
        schedule.NextRun = next;
        session.Store(schedule);
        await bus.ScheduleAsync(new GenerateDailyOccurrences(next), KioskCalendar.ToInstant(next, DailyRunAt), new DeliveryOptions { TenantId = session.TenantId });
    }

    private static void Skip(IDocumentSession session, RecurringOrder recurring, DateOnly date, string reason) =>
        session.Events.Append(recurring.Id, new OccurrenceSkipped(recurring.Id, date, reason));
}
