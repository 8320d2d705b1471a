using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Features.AgendaFeeds;
using BonSecours.Modules.CommunityLife.Features.PostAnnouncement;
using BonSecours.Modules.CommunityLife.Residents;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BonSecours.Modules.CommunityLife.Infrastructure;

/// <summary>Registers the CommunityLife module (the residents' shared life): its store, requests, handlers and endpoints.</summary>
public static class CommunityLifeModule
{
    public const string Schema = "community";

    public static IServiceCollection AddCommunityLifeModule(this IServiceCollection services)
    {
        services.AddModuleStore<ICommunityLifeStore>(Schema, options =>
        {
            options.Schema.For<ResidentCommunityFile>();
            options.Projections.Snapshot<Activity>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<OccurrenceRoster>(SnapshotLifecycle.Inline);
            options.Schema.For<FeedKey>();
            options.Projections.Snapshot<LocalEvent>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<ActivityProposal>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<Announcement>(SnapshotLifecycle.Inline);
            options.Schema.For<AnnouncementPicture>();
        });

        services.AddScoped<ModuleSessions<ICommunityLifeStore>>();
        services.AddBonSecoursMediator(typeof(CommunityLifeModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCommunityLifeEndpoints(this IEndpointRouteBuilder api)
    {
        CommunityLifeEndpoints.Map(api);
        return api;
    }
}
