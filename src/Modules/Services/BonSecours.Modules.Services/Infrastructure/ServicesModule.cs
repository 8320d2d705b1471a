using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.RecurringOrders;
using BonSecours.Modules.Services.Residents;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BonSecours.Modules.Services.Infrastructure;

/// <summary>Registers the Services module (the association's kiosk): its store, requests, handlers and endpoints.</summary>
public static class ServicesModule
{
    public const string Schema = "services";

    public static IServiceCollection AddServicesModule(this IServiceCollection services)
    {
        services.AddModuleStore<IServicesStore>(Schema, options =>
        {
            options.Schema.For<ResidentServiceFile>().Index(file => file.HouseholdId!).UseOptimisticConcurrency(true);
            options.Projections.Snapshot<ServiceOffering>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<ServiceOrder>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<RecurringOrder>(SnapshotLifecycle.Inline);
            options.Schema.For<ServiceOrder>().Index(order => order.Date).Index(order => order.ResidentId).Index(order => order.HouseholdId!);
            options.Schema.For<OccurrenceSchedule>();
        });

        services.AddScoped<ModuleSessions<IServicesStore>>();
        services.AddScoped<KioskAccess>();
        services.TryAddSingleton(provider => new KioskClock(provider.GetRequiredService<TimeProvider>()));
        services.AddBonSecoursMediator(typeof(ServicesModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapServicesEndpoints(this IEndpointRouteBuilder api)
    {
        ServicesEndpoints.Map(api);
        return api;
    }
}
