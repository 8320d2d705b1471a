using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Appointments;
using BonSecours.Modules.CareFollowUp.Calendar;
using BonSecours.Modules.CareFollowUp.Notifications;
using BonSecours.Modules.CareFollowUp.Reminders;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Infrastructure;

internal static class CareFollowUpEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        ListHealthDataAccessEndpoint.Map(api);
        ScheduleAppointmentEndpoint.Map(api);
        GetAppointmentsEndpoint.Map(api);
        RescheduleAppointmentEndpoint.Map(api);
        CancelAppointmentEndpoint.Map(api);
        SetReminderSettingsEndpoint.Map(api);
        NotificationEndpoints.Map(api);
        CalendarFeedEndpoints.Map(api);
    }
}
