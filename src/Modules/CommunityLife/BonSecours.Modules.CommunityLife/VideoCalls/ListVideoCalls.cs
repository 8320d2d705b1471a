using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal sealed record ListVideoCalls : IQuery<IReadOnlyList<VideoCallView>>;

internal sealed record GetVideoCall(Guid CallId) : IQuery<VideoCallView>;

/// <summary>Reads the signed-in person's calls, placed or received, newest first, or one of them.</summary>
internal sealed class ListVideoCallsHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context)
    : IRequestHandler<ListVideoCalls, IReadOnlyList<VideoCallView>>, IRequestHandler<GetVideoCall, VideoCallView>
{
    private const int MaxListed = 100;

    public async Task<IReadOnlyList<VideoCallView>> Handle(ListVideoCalls query, CancellationToken cancellationToken)
    {
        var party = VideoCallParty.OfCaller(context);
        var key = party.Key;
        await using var session = sessions.OpenForRead();
        var calls = await session.Query<VideoCall>()
            .Where(call => call.CallerKey == key || call.CalleeKey == key)
            .OrderByDescending(call => call.RequestedAt)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        var names = await VideoCallView.LoadNamesAsync(session, calls, cancellationToken);
        return calls.Select(call => VideoCallView.Of(call, party, names)).ToList();
    }

    public async Task<VideoCallView> Handle(GetVideoCall query, CancellationToken cancellationToken)
    {
        var party = VideoCallParty.OfCaller(context);
        await using var session = sessions.OpenForRead();
        var call = VideoCallAccess.EnsureInvolved(await session.LoadAsync<VideoCall>(query.CallId, cancellationToken), query.CallId, party);
        return VideoCallView.Of(call, party, await VideoCallView.LoadNamesAsync(session, [call], cancellationToken));
    }
}

internal sealed record IceServersView(IReadOnlyList<IceServer> IceServers);

internal static class ListVideoCallsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/video-calls", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListVideoCalls(), cancellationToken))
            .WithTags("Appels vidéo")
            .WithSummary("L'historique des 100 derniers appels de la personne connectée, passés ou reçus, le plus récent d'abord");
        api.MapGet("/video-calls/stream", (RealtimeBroker broker, IRequestContext context, CancellationToken cancellationToken) =>
            {
                VideoCallParty.OfCaller(context);
                return RealtimeStreams.Open(broker, context, new HashSet<string> { VideoCallNotifier.Topic }, cancellationToken);
            })
            .WithTags("Appels vidéo")
            .WithSummary("Flux en direct (server-sent events) des appels et des messages de signalisation de la personne connectée");
        api.MapGet("/video-calls/ice-servers", (IOptions<VideoCallOptions> options) =>
                TypedResults.Ok(new IceServersView(options.Value.IceServers)))
            .WithTags("Appels vidéo")
            .WithSummary("Les serveurs STUN et TURN à donner à WebRTC (aucun par défaut : inutiles sur le réseau local)");
        api.MapGet("/video-calls/{callId:guid}", (Guid callId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetVideoCall(callId), cancellationToken))
            .WithTags("Appels vidéo")
            .WithSummary("Un appel de la personne connectée");
    }
}
