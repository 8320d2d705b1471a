using Marten;

namespace BonSecours.Modules.CareFollowUp.Appointments;

internal static class AppointmentReminderWithdrawal
{
    /// <summary>
    /// Marks the resident's future appointments so their pending reminders are skipped. The
    /// appended event raises each version, and a message delivered twice appends nothing more.
    /// </summary>
    public static async Task WithdrawFutureAsync(IDocumentSession session, Guid residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var appointments = await session.Query<MedicalAppointment>()
            .Where(appointment => appointment.ResidentId == residentId && !appointment.Cancelled && !appointment.RemindersWithdrawn && appointment.StartsAt > now)
            .ToListAsync(cancellationToken);
        foreach (var appointment in appointments)
        {
            session.Events.Append(appointment.Id, new AppointmentRemindersWithdrawn("resident-moved-out"));
        }
    }
}
