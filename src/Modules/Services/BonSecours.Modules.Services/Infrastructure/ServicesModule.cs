using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Residents;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BonSecours.Modules.Services.Infrastructure;

/// <summary>Registers the Services module (the association's kiosk): its store, requests, handlers and endpoints.</summary>
public static class ServicesModule
{
    public const string Schema = "services";

    public static IServiceCollection AddServicesModule(this IServiceCollection services)
    {
        services.AddModuleStore<IServicesStore>(Schema, options =>
        {
            options.Schema.For<ResidentServiceFile>();
        });

        services.AddScoped<ModuleSessions<IServicesStore>>();
        services.AddBonSecoursMediator(typeof(ServicesModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapServicesEndpoints(this IEndpointRouteBuilder api)
    {
        ServicesEndpoints.Map(api);
        return api;
    }
}
