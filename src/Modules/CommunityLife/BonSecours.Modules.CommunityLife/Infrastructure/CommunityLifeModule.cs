using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Messaging;
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
            options.Projections.Snapshot<Conversation>(SnapshotLifecycle.Inline);
            options.Schema.For<Conversation>().GinIndexJsonData();
            options.Schema.For<ConversationMessage>().Index(message => message.ConversationId);
            options.Schema.For<VoiceRecording>();
            options.Schema.For<ReadPosition>();
            options.Schema.For<ParticipantBlock>();
            options.Schema.For<MessageReport>().Index(report => report.ReportedAt);
        });

        services.AddScoped<ModuleSessions<ICommunityLifeStore>>();
        services.AddScoped<MessagingAccess>();
        services.AddScoped<MessagePosting>();
        services.AddBonSecoursMediator(typeof(CommunityLifeModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCommunityLifeEndpoints(this IEndpointRouteBuilder api)
    {
        CommunityLifeEndpoints.Map(api);
        return api;
    }
}
