using BonSecours.Modules.CareFollowUp.Infrastructure;
using System.Globalization;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CareFollowUp.Appointments;
using BonSecours.Modules.CareFollowUp.Notifications;
using BonSecours.Modules.CareFollowUp.Residents;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace BonSecours.Modules.CareFollowUp.Reminders;

internal static class ReminderDelivery
{
    public const string Topic = "notifications";

    /// <summary>
    /// Schedules the reminders of one appointment version in the caller's write session, so
    /// they commit with the appointment's events. Reminders already due are skipped.
    /// </summary>
    public static async Task ScheduleAsync(
        IMessageBus bus, IQuerySession session, Guid residentId, Guid appointmentId, long version, DateTimeOffset startsAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await session.LoadAsync<ReminderSettings>(residentId, cancellationToken) ?? ReminderSettings.Default(residentId);
        foreach (var reminder in settings.PlanFor(startsAt).Where(reminder => reminder.DueAt > now))
        {
            await bus.ScheduleAsync(new AppointmentReminderDue(appointmentId, reminder.ReminderId, version), reminder.DueAt);
        }
    }

    /// <summary>
    /// Delivers a due reminder once: only while the appointment exists, is not cancelled and
    /// still has the version the reminder was computed for.
    /// </summary>
    public static async Task DeliverAsync(
        AppointmentReminderDue message, IDocumentSession session, RealtimeBroker broker, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var appointment = await session.LoadAsync<MedicalAppointment>(message.AppointmentId, cancellationToken);
        if (appointment is null || appointment.Cancelled || appointment.RemindersWithdrawn || appointment.Version != message.AppointmentVersion)
        {
            logger.LogInformation("Reminder {ReminderId} of appointment {AppointmentId} version {Version} withdrawn", message.ReminderId, message.AppointmentId, message.AppointmentVersion);
            return;
        }

        var notificationId = DeterministicGuid.Create(message.AppointmentId.ToString(), "appointment-reminder", $"{message.AppointmentVersion}/{message.ReminderId}");
        if (await session.LoadAsync<Notification>(notificationId, cancellationToken) is not null)
        {
            logger.LogInformation("Reminder {ReminderId} of appointment {AppointmentId} already sent", message.ReminderId, message.AppointmentId);
            return;
        }

        var details = await session.LoadAsync<AppointmentDetails>(message.AppointmentId, cancellationToken);
        var notification = new Notification
        {
            Id = notificationId,
            ResidentId = appointment.ResidentId,
            Kind = "appointment-reminder",
            AppointmentId = appointment.Id,
            Title = "Rappel de rendez-vous",
            Body = ReminderText(appointment, details),
            CreatedAt = clock.GetUtcNow(),
        };
        session.Store(notification);

        // NOTE: the live message goes out before Wolverine commits the notification, so a failed
        // commit can show a reminder on screen that a retry then delivers a second time.
        var file = await session.LoadAsync<ResidentCareFile>(appointment.ResidentId, cancellationToken);
        var audience = new List<string> { $"person:{appointment.ResidentId}" };
        audience.AddRange((file?.ConsentedCaregiverIds ?? []).Select(caregiverId => $"person:{caregiverId}"));
        broker.Publish(new RealtimeMessage(session.TenantId, Topic, "appointment-reminder", audience, NotificationView.From(notification), notification.CreatedAt));
    }

    /// <summary>Easy-to-read French: short sentences, the day, the hour and the place.</summary>
    private static string ReminderText(MedicalAppointment appointment, AppointmentDetails? details)
    {
        var local = ParisTime.ToLocal(appointment.StartsAt);
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var text = $"Vous avez un rendez-vous le {local.ToString("dddd d MMMM", french)} à {local:HH\\hmm}.";
        if (details is not null)
        {
            text += $" C'est avec {details.Practitioner} ({details.Specialty}).";
            if (!string.IsNullOrWhiteSpace(details.Place))
            {
                text += $" Adresse : {details.Place}.";
            }
        }

        if (appointment.NeedsCompanion)
        {
            text += " Une personne vous accompagne.";
        }

        return text;
    }
}
