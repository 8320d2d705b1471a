using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Alerts;
using BonSecours.Modules.CareFollowUp.Appointments;
using BonSecours.Modules.CareFollowUp.Calendar;
using BonSecours.Modules.CareFollowUp.Calls;
using BonSecours.Modules.CareFollowUp.CheckIns;
using BonSecours.Modules.CareFollowUp.Notifications;
using BonSecours.Modules.CareFollowUp.Push;
using BonSecours.Modules.CareFollowUp.Reminders;
using BonSecours.Modules.CareFollowUp.Residents;
using BonSecours.Modules.CareFollowUp.Rota;
using BonSecours.Modules.CareFollowUp.Settings;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CareFollowUp.Infrastructure;

/// <summary>Registers the CareFollowUp module: its store, requests, handlers and endpoints.</summary>
public static class CareFollowUpModule
{
    public const string Schema = "care";

    public static IServiceCollection AddCareFollowUpModule(this IServiceCollection services)
    {
        services.AddModuleStore<ICareFollowUpStore>(Schema, options =>
        {
            // Several Residents messages about one resident can be handled at once; the
            // version check makes the later write fail and retry instead of overwriting.
            options.Schema.For<ResidentCareFile>().UseOptimisticConcurrency(true);
            options.Schema.For<HealthDataAccessRecord>().Index(record => record.ResidentId);
            options.Schema.For<PushSubscriptionRecord>().Index(subscription => subscription.UserId);
            options.Projections.Snapshot<DailyCheckIn>(SnapshotLifecycle.Inline);
            options.Schema.For<CaregiverNotification>().Index(notification => notification.CaregiverId);
            options.Schema.For<RotaShift>().Index(shift => shift.StartsAt).Index(shift => shift.EndsAt);
            options.Schema.For<CareSettings>().Identity(settings => settings.Id);
            options.Schema.For<OpenPriorityCall>();

            // The call document is the board, the resident's view and the statistics source.
            options.Projections.Snapshot<PriorityCall>(SnapshotLifecycle.Inline);
            options.Schema.For<PriorityCall>().Index(call => call.RaisedAt).Index(call => call.ResidentId);
            options.Projections.Snapshot<MedicalAppointment>(SnapshotLifecycle.Inline);
            options.Schema.For<MedicalAppointment>().Index(appointment => appointment.ResidentId).Index(appointment => appointment.StartsAt);
            options.Schema.For<AppointmentDetails>().Index(details => details.ResidentId);
            options.Schema.For<ReminderSettings>();
            options.Schema.For<Notification>().Index(notification => notification.ResidentId);
            options.Schema.For<CalendarFeed>();
        });

        services.AddScoped<ModuleSessions<ICareFollowUpStore>>();
        services.AddScoped<HealthDataAccess>();
        services.AddSingleton<IStaffAlertChannel, RealtimeAlertChannel>();
        services.AddSingleton<IStaffAlertChannel, WebPushAlertChannel>();
        services.AddSingleton(provider => VapidKeys.Load(provider.GetRequiredService<IConfiguration>()));
        services.AddHttpClient(WebPushAlertChannel.HttpClientName);
        services.AddSingleton(provider => new CheckInDeadlines(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetServices<IStaffAlertChannel>(),
            provider.GetRequiredService<ILogger<CheckInDeadlines>>()));
        services.AddScoped<PriorityCallNotifier>();

        // Built by a factory because its constructor is internal; Wolverine then resolves it from the container.
        services.AddScoped(provider => new PriorityCallEscalator(
            provider.GetRequiredService<PriorityCallNotifier>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PriorityCallEscalator>>()));
        services.AddBonSecoursMediator(typeof(CareFollowUpModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCareFollowUpEndpoints(this IEndpointRouteBuilder api)
    {
        CareFollowUpEndpoints.Map(api);
        return api;
    }
}
