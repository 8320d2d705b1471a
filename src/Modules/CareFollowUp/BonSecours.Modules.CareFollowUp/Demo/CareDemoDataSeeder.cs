using System.Globalization;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Appointments;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Residents;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CareFollowUp.Demo;

/// <summary>
/// Development only: gives the demo residents jeanne (BS-0001) and lucas (BS-0002) a few
/// upcoming appointments, through the same MediatR commands as the API. A resident who
/// already has appointments is skipped, so restarts create nothing twice.
/// </summary>
public static class CareDemoDataSeeder
{
    private static readonly TimeSpan CareFileWait = TimeSpan.FromSeconds(30);

    public static async Task SeedAsync(IServiceProvider services, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        var context = new SystemRequestContext("demo-data", Roles.Administrator, residenceId, $"demo-data-{Guid.NewGuid():N}");
        var store = services.GetRequiredService<ICareFollowUpStore>();
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(services.GetRequiredService<TimeProvider>().GetUtcNow()));

        var jeanne = DeterministicGuid.Create(residenceId, "resident", "BS-0001");
        var lucas = DeterministicGuid.Create(residenceId, "resident", "BS-0002");
        AppointmentInput[] jeanneAppointments =
        [
            new("Dr Camille Durand", "Cardiologie", "Centre hospitalier d'Arras, 3 boulevard Besnier", Local(today.AddDays(3), 14, 30), 45, "Apporter le dernier électrocardiogramme.", true, null),
            new("Dr Marc Petit", "Médecine générale", "Cabinet médical, rue Saint-Aubert, Arras", Local(today.AddDays(10), 9, 15), 20, null, false, null),
        ];
        AppointmentInput[] lucasAppointments =
        [
            new("Mme Léa Bernard", "Orthophonie", "Cabinet d'orthophonie, place des Héros, Arras", Local(today.AddDays(2), 16, 0), 30, null, true, null),
            new("Dr Hugo Lambert", "Dentiste", "Cabinet dentaire, rue Gambetta, Arras", Local(today.AddDays(15), 11, 0), 30, "Contrôle annuel.", true, null),
        ];

        foreach (var (residentId, appointments) in new[] { (jeanne, jeanneAppointments), (lucas, lucasAppointments) })
        {
            if (!await WaitForCareFileAsync(store, residenceId, residentId, cancellationToken))
            {
                logger.LogWarning("No care file for demo resident {ResidentId} after {Wait}; demo appointments skipped", residentId, CareFileWait);
                continue;
            }

            await using var query = store.QuerySession(residenceId);
            if (await query.Query<MedicalAppointment>().AnyAsync(appointment => appointment.ResidentId == residentId, cancellationToken))
            {
                continue;
            }

            foreach (var appointment in appointments)
            {
                // One scope per command, because a scope's Wolverine message context sends its
                // outbox only at the first commit and would drop the later reminders.
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().Use(context);
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ScheduleAppointment(residentId, appointment), cancellationToken);
            }

            logger.LogInformation("Demo appointments created for resident {ResidentId}", residentId);
        }
    }

    private static string Local(DateOnly date, int hour, int minute) =>
        date.ToDateTime(new TimeOnly(hour, minute)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Waits for the Residents module's messages to create the care file, for at most <see cref="CareFileWait"/>.</summary>
    private static async Task<bool> WaitForCareFileAsync(ICareFollowUpStore store, string residenceId, Guid residentId, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + CareFileWait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var query = store.QuerySession(residenceId);
            if (await query.LoadAsync<ResidentCareFile>(residentId, cancellationToken) is { LivesHere: true })
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return false;
    }
}
