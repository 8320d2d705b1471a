using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.CheckIns;
using BonSecours.Modules.CareFollowUp.Push;
using BonSecours.Modules.CareFollowUp.Calls;
using BonSecours.Modules.CareFollowUp.Rota;
using BonSecours.Modules.CareFollowUp.Settings;
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
        VapidPublicKeyEndpoint.Map(api);
        AddPushSubscriptionEndpoint.Map(api);
        RemovePushSubscriptionEndpoint.Map(api);
        SetDailyCheckInEndpoint.Map(api);
        GetDailyCheckInEndpoint.Map(api);
        RecordCheckInEndpoint.Map(api);
        RecordPortalActivityEndpoint.Map(api);
        ListMissingCheckInsEndpoint.Map(api);

        AddRotaShiftEndpoint.Map(api);
        ListRotaShiftsEndpoint.Map(api);
        RemoveRotaShiftEndpoint.Map(api);
        CareSettingsEndpoints.Map(api);

        // Fixed paths first, so "statistics" or "test-due" is never read as a call id.
        GetPriorityCallStatisticsEndpoint.Map(api);
        CheckTestCallDueEndpoint.Map(api);
        RaisePriorityCallEndpoint.Map(api);
        AcknowledgePriorityCallEndpoint.Map(api);
        ClosePriorityCallEndpoint.Map(api);
        ReadPriorityCallsEndpoints.Map(api);
        ScheduleAppointmentEndpoint.Map(api);
        GetAppointmentsEndpoint.Map(api);
        RescheduleAppointmentEndpoint.Map(api);
        CancelAppointmentEndpoint.Map(api);
        SetReminderSettingsEndpoint.Map(api);
        NotificationEndpoints.Map(api);
        CalendarFeedEndpoints.Map(api);
    }
}
