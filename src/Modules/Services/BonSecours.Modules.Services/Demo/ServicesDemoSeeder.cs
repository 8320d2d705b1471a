using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.Offerings;
using BonSecours.Modules.Services.Features.Orders;
using BonSecours.Modules.Services.Features.RecurringOrders;
using BonSecours.Modules.Services.Infrastructure;
using BonSecours.Modules.Services.Residents;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Services.Demo;

/// <summary>
/// Development only: the kiosk's six offerings, a few orders and a recurring bread order for
/// jeanne, created as the kiosk staff member "kiosque" through the same commands as the API.
/// Each step skips what already exists, so a restart creates nothing twice.
/// </summary>
public static class ServicesDemoSeeder
{
    private static readonly TimeSpan ResidentFileWait = TimeSpan.FromSeconds(60);

    public static async Task SeedAsync(IServiceProvider services, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>()
            .Use(new SystemRequestContext("kiosque", Roles.KioskStaff, residenceId, $"demo-data-{Guid.NewGuid():N}"));
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var store = scope.ServiceProvider.GetRequiredService<IServicesStore>();
        var clock = scope.ServiceProvider.GetRequiredService<KioskClock>();

        var jeanne = DeterministicGuid.Create(residenceId, "resident", "BS-0001");
        var lucas = DeterministicGuid.Create(residenceId, "resident", "BS-0002");
        if (!await WaitForResidentFilesAsync(store, residenceId, [jeanne, lucas], cancellationToken))
        {
            logger.LogWarning("Kiosk demo data skipped: the kiosk files of the demo residents were not there after {Wait}", ResidentFileWait);
            return;
        }

        var offerings = await SeedOfferingsAsync(mediator, store, residenceId, cancellationToken);
        await SeedOrdersAsync(mediator, store, residenceId, clock, offerings, jeanne, lucas, cancellationToken);
        logger.LogInformation("Kiosk demo data ready in {Residence}", residenceId);
    }

    /// <summary>Waits (bounded) for the Residents module's messages to create the kiosk files the orders need.</summary>
    private static async Task<bool> WaitForResidentFilesAsync(IServicesStore store, string residenceId, Guid[] residentIds, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ResidentFileWait;
        while (DateTime.UtcNow < deadline)
        {
            await using var query = store.QuerySession(residenceId);
            var files = await query.LoadManyAsync<ResidentServiceFile>(cancellationToken, residentIds);
            if (files.Count == residentIds.Length && files.All(file => file.LivesHere))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return false;
    }

    /// <summary>Adds the offerings missing from the catalogue; returns every demo offering's id by name.</summary>
    private static async Task<Dictionary<string, Guid>> SeedOfferingsAsync(IMediator mediator, IServicesStore store, string residenceId, CancellationToken cancellationToken)
    {
        DayOfWeek[] mondayToSaturday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var dayBeforeSixPm = new OrderCutOff(1, "18:00");
        AddOffering[] catalogue =
        [
            new(OfferingKind.BreadAndNewspaperDropOff, "Baguette", "Une baguette déposée à votre porte le matin.", "pain", 1.10m,
                mondayToSaturday, [new("07:30", "08:30")], 40, dayBeforeSixPm),
            new(OfferingKind.BreadAndNewspaperDropOff, "Journal", "Le journal du jour déposé à votre porte.", "journal", 1.30m,
                [.. mondayToSaturday, DayOfWeek.Sunday], [new("07:30", "08:30")], 40, dayBeforeSixPm),
            new(OfferingKind.Ironing, "Repassage", "On repasse votre linge. Le prix est pour un panier.", "fer-a-repasser", 5.00m,
                weekdays, [new("09:00", "12:00"), new("14:00", "17:00")], 4, dayBeforeSixPm),
            new(OfferingKind.Housekeeping, "Ménage", "Une personne fait le ménage chez vous. Le prix est pour une heure.", "menage", 12.00m,
                weekdays, [new("09:00", "10:00"), new("10:00", "11:00"), new("14:00", "15:00")], 2, new OrderCutOff(2, "12:00")),
            new(OfferingKind.Sewing, "Couture", "Un ourlet, un bouton : on répare vos vêtements.", "couture", 4.00m,
                [DayOfWeek.Tuesday, DayOfWeek.Thursday], [new("14:00", "16:00")], 6, dayBeforeSixPm),
            new(OfferingKind.ShoppingAccompaniment, "Accompagnement aux courses", "Une personne vous accompagne pour faire les courses.", "courses", 3.00m,
                [DayOfWeek.Wednesday, DayOfWeek.Saturday], [new("10:00", "11:30")], 3, dayBeforeSixPm),
            new(OfferingKind.WelcomeDesk, "Accueil du kiosque", "Venez poser vos questions à l'accueil. C'est gratuit.", "accueil", 0m,
                mondayToSaturday, [new("08:30", "12:00")], 20, new OrderCutOff(0, "08:00")),
        ];

        await using var query = store.QuerySession(residenceId);
        var existing = (await query.Query<ServiceOffering>().ToListAsync(cancellationToken)).ToDictionary(offering => offering.Details.Name, offering => offering);
        var ids = new Dictionary<string, Guid>();
        foreach (var offering in catalogue)
        {
            ids[offering.Name] = existing.TryGetValue(offering.Name, out var found) ? found.Id : (await mediator.Send(offering, cancellationToken)).Id;
        }

        return ids;
    }

    private static async Task SeedOrdersAsync(
        IMediator mediator, IServicesStore store, string residenceId, TimeProvider clock, Dictionary<string, Guid> offerings,
        Guid jeanne, Guid lucas, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession(residenceId);
        if (await query.Query<RecurringOrder>().AnyAsync(recurring => recurring.ResidentId == jeanne, cancellationToken))
        {
            return;
        }

        var nextWeekday = NextDay(KioskCalendar.Today(clock).AddDays(2), day => day.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday);
        var ironing = await mediator.Send(new PlaceOrder(offerings["Repassage"], jeanne, nextWeekday, "09:00", 1, "Deux chemisiers et une nappe."), cancellationToken);
        await mediator.Send(new ConfirmOrder(ironing.Id), cancellationToken);
        await mediator.Send(new PlaceOrder(offerings["Journal"], lucas, nextWeekday, "07:30", 1, null), cancellationToken);
        var sewingDay = NextDay(KioskCalendar.Today(clock).AddDays(2), day => day.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday);
        await mediator.Send(new PlaceOrder(offerings["Couture"], lucas, sewingDay, "14:00", 1, "Un bouton de veste à recoudre."), cancellationToken);

        await mediator.Send(new StartRecurringOrder(offerings["Baguette"], jeanne,
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], "07:30", 1,
            KioskCalendar.Today(clock).AddDays(1), null), cancellationToken);
    }

    private static DateOnly NextDay(DateOnly from, Func<DateOnly, bool> accept)
    {
        var day = from;
        while (!accept(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
