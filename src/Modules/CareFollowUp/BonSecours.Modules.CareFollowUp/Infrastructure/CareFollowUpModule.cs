using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Alerts;
using BonSecours.Modules.CareFollowUp.Appointments;
using BonSecours.Modules.CareFollowUp.Calendar;
using BonSecours.Modules.CareFollowUp.Notifications;
using BonSecours.Modules.CareFollowUp.Reminders;
using BonSecours.Modules.CareFollowUp.Residents;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddBonSecoursMediator(typeof(CareFollowUpModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCareFollowUpEndpoints(this IEndpointRouteBuilder api)
    {
        CareFollowUpEndpoints.Map(api);
        return api;
    }
}
