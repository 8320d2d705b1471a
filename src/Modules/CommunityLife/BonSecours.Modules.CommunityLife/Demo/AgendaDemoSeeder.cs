using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CommunityLife.Demo;

/// <summary>
/// Development only: fills the demo residence's agenda with three activities, a local event
/// of Arras and an announcement, and registers Jeanne for the next tablet workshop. Ids are
/// derived from the residence, so a restart finds the data and adds nothing.
/// </summary>
public static class AgendaDemoSeeder
{
    private static readonly TimeSpan CommunityFileWait = TimeSpan.FromSeconds(15);

    public static async Task SeedAsync(IServiceProvider services, string residenceId, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ICommunityLifeStore>();
        var jeanneId = DeterministicGuid.Create(residenceId, "resident", "BS-0001");
        if (!await WaitForCommunityFileAsync(store, residenceId, jeanneId, cancellationToken))
        {
            // NOTE: on a first start the Residents seeding runs before Wolverine listens, so its
            // messages wait in the inbox until the next start. The roster event below does not
            // need the community file, so seeding goes on without it.
            logger.LogWarning("Resident {ResidentId} has no community file after {Seconds} s; seeding the agenda anyway", jeanneId, CommunityFileWait.TotalSeconds);
        }

        await using var session = store.LightweightSession(residenceId);
        session.LastModifiedBy = "demo";
        var today = DateOnly.FromDateTime(AgendaTime.ToLocal(clock.GetUtcNow()));
        var daysToTuesday = ((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7;
        var nextTuesday = today.AddDays(daysToTuesday == 0 ? 7 : daysToTuesday);
        var workshopId = DeterministicGuid.Create(residenceId, "activity", "atelier-tablette");
        var firstWorkshop = nextTuesday.ToDateTime(new TimeOnly(14, 0));

        var seeded = await StartOnceAsync(session, workshopId, Activity.Publish(workshopId, new ActivityDetails(
            "Atelier tablette", "On apprend à se servir de la tablette. On s'aide les uns les autres. Venez avec votre tablette.",
            "Salle commune, rez-de-chaussée", firstWorkshop, firstWorkshop.AddHours(1.5), 8, ActivityAudience.Everyone,
            new ActivityRecurrence(RecurrenceFrequency.Weekly, [DayOfWeek.Tuesday], null, null, null, null, null))), cancellationToken);
        if (!seeded)
        {
            return;
        }

        var snackId = DeterministicGuid.Create(residenceId, "activity", "gouter-intergenerationnel");
        var firstSnack = SecondWednesday(today.AddMonths(1)).ToDateTime(new TimeOnly(16, 0));
        await StartOnceAsync(session, snackId, Activity.Publish(snackId, new ActivityDetails(
            "Goûter intergénérationnel", "Un goûter pour tous les âges. On partage des gâteaux et on discute.",
            "Jardin partagé (salle commune s'il pleut)", firstSnack, firstSnack.AddHours(2), 40, ActivityAudience.Everyone,
            new ActivityRecurrence(RecurrenceFrequency.Monthly, null, null, 2, DayOfWeek.Wednesday, null, null))), cancellationToken);

        var lotoId = DeterministicGuid.Create(residenceId, "activity", "loto");
        var loto = today.AddDays(5).ToDateTime(new TimeOnly(15, 0));
        await StartOnceAsync(session, lotoId, Activity.Publish(lotoId, new ActivityDetails(
            "Loto", "On joue au loto. Il y a des petits lots à gagner. C'est gratuit.",
            "Salle commune, rez-de-chaussée", loto, loto.AddHours(2), 12, ActivityAudience.Seniors, null)), cancellationToken);

        var marketId = DeterministicGuid.Create(residenceId, "local-event", "marche-arras");
        await StartOnceAsync<LocalEvent>(session, marketId, new LocalEventPublished(marketId, "Marché de la place des Héros",
            "Place des Héros, Arras", today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7), "https://www.arras.fr/"), cancellationToken);

        var newsId = DeterministicGuid.Create(residenceId, "announcement", "bienvenue-agenda");
        await StartOnceAsync<Announcement>(session, newsId, new AnnouncementPosted(newsId, "L'agenda est en ligne",
            "Vous pouvez voir les activités sur la tablette. Pour vous inscrire, touchez « Je viens ».", clock.GetUtcNow()), cancellationToken);

        var rosterId = OccurrenceRoster.StreamId(workshopId, firstWorkshop);
        session.Events.StartStream<OccurrenceRoster>(rosterId, new RegistrationConfirmed(workshopId, firstWorkshop, jeanneId));
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Agenda demo data seeded for residence {Residence}", residenceId);
    }

    private static DateOnly SecondWednesday(DateOnly inMonth)
    {
        var first = new DateOnly(inMonth.Year, inMonth.Month, 1);
        var firstWednesday = first.AddDays(((int)DayOfWeek.Wednesday - (int)first.DayOfWeek + 7) % 7);
        return firstWednesday.AddDays(7);
    }

    private static Task<bool> StartOnceAsync(IDocumentSession session, Guid activityId, ActivityPublished published, CancellationToken cancellationToken) =>
        StartOnceAsync<Activity>(session, activityId, published, cancellationToken);

    private static async Task<bool> StartOnceAsync<T>(IDocumentSession session, Guid id, object firstEvent, CancellationToken cancellationToken) where T : class
    {
        if (await session.Events.FetchStreamStateAsync(id, cancellationToken) is not null)
        {
            return false;
        }

        session.Events.StartStream<T>(id, firstEvent);
        return true;
    }

    private static async Task<bool> WaitForCommunityFileAsync(ICommunityLifeStore store, string residenceId, Guid residentId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + CommunityFileWait;
        while (DateTime.UtcNow < deadline)
        {
            await using var query = store.QuerySession(residenceId);
            if (await query.LoadAsync<ResidentCommunityFile>(residentId, cancellationToken) is { LivesHere: true })
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return false;
    }
}
