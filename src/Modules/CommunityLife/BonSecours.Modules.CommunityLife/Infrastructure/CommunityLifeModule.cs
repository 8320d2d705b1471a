using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Features.AgendaFeeds;
using BonSecours.Modules.CommunityLife.Features.PostAnnouncement;
using BonSecours.Modules.CommunityLife.Games;
using BonSecours.Modules.CommunityLife.Messaging;
using BonSecours.Modules.CommunityLife.People;
using BonSecours.Modules.CommunityLife.Residents;
using BonSecours.Modules.CommunityLife.VideoCalls;
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
            // Registration, name and move-in messages for one resident may be handled at once.
            // Optimistic concurrency makes the later write fail, and Wolverine retries it on fresh data.
            options.Schema.For<ResidentCommunityFile>().UseOptimisticConcurrency(true);
            options.Projections.Snapshot<Conversation>(SnapshotLifecycle.Inline);
            options.Schema.For<Conversation>().GinIndexJsonData();
            options.Schema.For<ConversationMessage>().Index(message => message.ConversationId);
            options.Schema.For<VoiceRecording>();
            options.Schema.For<ReadPosition>();
            options.Schema.For<ParticipantBlock>();
            options.Schema.For<MessageReport>().Index(report => report.ReportedAt);
            options.Projections.Snapshot<VideoCall>(SnapshotLifecycle.Inline);
            options.Schema.For<VideoCall>().Index(call => call.CallerKey).Index(call => call.CalleeKey);
            options.Projections.Snapshot<GameSession>(SnapshotLifecycle.Inline);
            options.Schema.For<GameSession>().Index(game => game.InviterId).Index(game => game.OpponentId);
            options.Projections.Snapshot<Activity>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<OccurrenceRoster>(SnapshotLifecycle.Inline);
            options.Schema.For<FeedKey>();
            options.Projections.Snapshot<LocalEvent>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<ActivityProposal>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<Announcement>(SnapshotLifecycle.Inline);
            options.Schema.For<AnnouncementPicture>();
            options.Schema.For<CaregiverCommunityFile>();
            options.Schema.For<StaffCommunityFile>();
        });

        services.AddScoped<ModuleSessions<ICommunityLifeStore>>();
        services.AddScoped<MessagingAccess>();
        services.AddScoped<MessagePosting>();
        services.AddScoped<StaffRoster>();
        services.AddBonSecoursMediator(typeof(CommunityLifeModule).Assembly);
        services.AddVideoCalls();
        services.AddGames();
        return services;
    }

    private static void AddVideoCalls(this IServiceCollection services)
    {
        services.AddOptions<VideoCallOptions>().BindConfiguration(VideoCallOptions.Section);
        services.AddSingleton(provider => new VideoCallNotifier(provider.GetRequiredService<RealtimeBroker>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new VideoCallTimeouts(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<VideoCallNotifier>()));
    }

    private static void AddGames(this IServiceCollection services)
    {
        services.AddOptions<GameOptions>().BindConfiguration(GameOptions.Section);
        services.AddSingleton(provider => new GameNotifier(provider.GetRequiredService<RealtimeBroker>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new GameAbandonment(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<RealtimeBroker>()));
    }

    public static IEndpointRouteBuilder MapCommunityLifeEndpoints(this IEndpointRouteBuilder api)
    {
        CommunityLifeEndpoints.Map(api);
        return api;
    }
}
