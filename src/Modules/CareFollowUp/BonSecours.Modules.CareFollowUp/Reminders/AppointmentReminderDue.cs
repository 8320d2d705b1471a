using Marten;
using Microsoft.Extensions.Logging;
using BonSecours.BuildingBlocks.Realtime;

namespace BonSecours.Modules.CareFollowUp.Reminders;

/// <summary>
/// A durable scheduled message: remind the resident of an appointment. It names the
/// appointment version it was computed for, so a moved or cancelled appointment silently
/// drops it. Public because Wolverine's generated handler code reads it.
/// </summary>
public sealed record AppointmentReminderDue(Guid AppointmentId, string ReminderId, long AppointmentVersion);

/// <summary>Delivers due appointment reminders. Wolverine only discovers public handlers, hence the public type.</summary>
public static class AppointmentReminderHandler
{
    public static Task Handle(
        AppointmentReminderDue message, IDocumentSession session, RealtimeBroker broker, TimeProvider clock, ILogger<AppointmentReminderDue> logger, CancellationToken cancellationToken) =>
        ReminderDelivery.DeliverAsync(message, session, broker, clock, logger, cancellationToken);
}
