using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.People;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Contracts = BonSecours.Modules.CommunityLife.Contracts;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal sealed record AcceptVideoCall(Guid CallId) : ICommand<VideoCallView>;

internal sealed record DeclineVideoCall(Guid CallId) : ICommand<VideoCallView>;

internal sealed record HangUpVideoCall(Guid CallId) : ICommand<VideoCallView>;

/// <summary>
/// Moves a call through its states: the callee accepts or declines a ringing call, either
/// party hangs up (the caller may also hang up while it rings). Each change reaches both
/// parties' live streams once stored; a hang-up publishes <see cref="Contracts.VideoCallEnded"/>.
/// </summary>
internal sealed class AnswerVideoCallHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock, VideoCallNotifier notifier, StaffRoster staffRoster)
    : IRequestHandler<AcceptVideoCall, VideoCallView>, IRequestHandler<DeclineVideoCall, VideoCallView>, IRequestHandler<HangUpVideoCall, VideoCallView>
{
    public Task<VideoCallView> Handle(AcceptVideoCall command, CancellationToken cancellationToken) =>
        ChangeAsync(command.CallId, nameof(AcceptVideoCall), "video-call-accepted", (call, by, now) => call.Accept(by, now), cancellationToken);

    public Task<VideoCallView> Handle(DeclineVideoCall command, CancellationToken cancellationToken) =>
        ChangeAsync(command.CallId, nameof(DeclineVideoCall), "video-call-declined", (call, by, now) => call.Decline(by, now), cancellationToken);

    public Task<VideoCallView> Handle(HangUpVideoCall command, CancellationToken cancellationToken) =>
        ChangeAsync(command.CallId, nameof(HangUpVideoCall), "video-call-ended", (call, by, now) => call.HangUp(by, now), cancellationToken);

    private async Task<VideoCallView> ChangeAsync(
        Guid callId, string requestName, string realtimeType, Func<VideoCall, VideoCallParty, DateTimeOffset, object> change, CancellationToken cancellationToken)
    {
        var party = VideoCallParty.OfCaller(context);
        await using var session = sessions.OpenForWrite(requestName);
        var stream = await session.Events.FetchForWriting<VideoCall>(callId, cancellationToken);
        var call = VideoCallAccess.EnsureInvolved(stream.Aggregate, callId, party);

        var happened = change(call, party, clock.GetUtcNow());
        stream.AppendOne(happened);
        if (happened is VideoCallEnded ended)
        {
            await sessions.Bus.PublishAsync(new Contracts.VideoCallEnded(call.Id, ended.DurationSeconds, ended.At));
        }

        staffRoster.RecordCaller(session);
        await session.SaveChangesAsync(cancellationToken);
        var saved = await session.Events.AggregateStreamAsync<VideoCall>(callId, token: cancellationToken);
        var names = await VideoCallView.LoadNamesAsync(session, [saved!], cancellationToken);
        notifier.PublishState(context.ResidenceId, realtimeType, saved!, names);
        return VideoCallView.Of(saved!, party, names);
    }
}

/// <summary>Finds a call for one of its parties: 404 for everyone else, so a call's existence does not leak.</summary>
internal static class VideoCallAccess
{
    public static VideoCall EnsureInvolved(VideoCall? call, Guid callId, VideoCallParty party) =>
        call is not null && call.Involves(party)
            ? call
            : throw new NotFoundException("video-call.not-found", new LocalizedText(
                $"Aucun appel {callId} pour vous.",
                $"No call {callId} for you."));
}

internal static class AnswerVideoCallEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/video-calls/{callId:guid}/accept", (Guid callId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new AcceptVideoCall(callId), cancellationToken))
            .WithTags("Appels vidéo")
            .WithSummary("La personne appelée décroche");
        api.MapPost("/video-calls/{callId:guid}/decline", (Guid callId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new DeclineVideoCall(callId), cancellationToken))
            .WithTags("Appels vidéo")
            .WithSummary("La personne appelée refuse l'appel");
        api.MapPost("/video-calls/{callId:guid}/hang-up", (Guid callId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new HangUpVideoCall(callId), cancellationToken))
            .WithTags("Appels vidéo")
            .WithSummary("Raccroche : termine l'appel en cours, ou l'annule s'il sonne encore (appelant)");
    }
}
