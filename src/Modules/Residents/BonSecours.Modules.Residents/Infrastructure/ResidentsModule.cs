using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Features.ImportTenancyFile;
using BonSecours.Modules.Residents.Features.PairTablet;
using BonSecours.Modules.Residents.Projections;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BonSecours.Modules.Residents.Infrastructure;

/// <summary>Registers the Residents module: its store, projections, requests and endpoints.</summary>
public static class ResidentsModule
{
    public const string Schema = "residents";

    public static IServiceCollection AddResidentsModule(this IServiceCollection services)
    {
        services.AddModuleStore<IResidentsStore>(Schema, options =>
        {
            options.Projections.Add<ResidentProfileProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<FlatOccupancyProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<TrainingSessionViewProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<HouseholdViewProjection>(ProjectionLifecycle.Inline);
            options.Projections.Snapshot<Residence>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<Caregiver>(SnapshotLifecycle.Inline);
            options.Schema.For<ResidentPersonalDetails>().Index(details => details.NameKey);
            options.Schema.For<CaregiverPersonalDetails>();
            options.Schema.For<ResidentProfile>().Index(profile => profile.FlatId!);
            options.Schema.For<HouseholdView>().Index(household => household.FlatId);
            // Concurrent wrong PINs must each be counted, so SignInWithTablet retries on a version clash.
            options.Schema.For<TabletCredential>().Index(credential => credential.PairingCodeLookup!).UseOptimisticConcurrency(true);
        });

        services.AddScoped<ModuleSessions<IResidentsStore>>();
        services.AddScoped<ResidentAccess>();
        services.AddScoped<TenancyFileImporter>();
        services.AddBonSecoursMediator(typeof(ResidentsModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapResidentsEndpoints(this IEndpointRouteBuilder api)
    {
        ResidentsEndpoints.Map(api);
        return api;
    }
}
