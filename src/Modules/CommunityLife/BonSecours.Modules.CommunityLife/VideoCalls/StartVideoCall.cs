using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.People;
using FluentValidation;
using MediatR;
using Wolverine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal sealed record VideoCallRequest(VideoCallPartyView? Callee);

internal sealed record StartVideoCall(VideoCallPartyKind? CalleeKind, string? CalleeId) : ICommand<VideoCallView>;

internal sealed class StartVideoCallValidator : AbstractValidator<StartVideoCall>
{
    public StartVideoCallValidator()
    {
        RuleFor(command => command.CalleeKind).NotNull()
            .Says("Indiquez qui appeler : « resident », « caregiver » ou « staff ».", "Give who to call: resident, caregiver or staff.")
            .Named("personne appelée", "callee");
        RuleFor(command => command.CalleeId).NotEmpty().MaximumLength(100).Named("identifiant de la personne appelée", "callee id");
        RuleFor(command => command.CalleeId)
            .Must(id => Guid.TryParse(id, out _))
            .When(command => command.CalleeKind is VideoCallPartyKind.Resident or VideoCallPartyKind.Caregiver)
            .Says("L'identifiant d'un résident ou d'un aidant est un GUID.", "A resident or caregiver id is a GUID.")
            .Named("identifiant de la personne appelée", "callee id");
    }
}

/// <summary>
/// Places a call from the signed-in person when the pair may reach each other, and schedules
/// the ring timeout as a durable message committed with the call.
/// </summary>
internal sealed class StartVideoCallHandler(
    ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock, VideoCallNotifier notifier, IOptions<VideoCallOptions> options, StaffRoster staffRoster)
    : IRequestHandler<StartVideoCall, VideoCallView>
{
    public async Task<VideoCallView> Handle(StartVideoCall command, CancellationToken cancellationToken)
    {
        var caller = VideoCallParty.OfCaller(context);
        var calleeId = command.CalleeKind == VideoCallPartyKind.Staff ? command.CalleeId! : Guid.Parse(command.CalleeId!).ToString();
        var callee = new VideoCallParty(command.CalleeKind!.Value, calleeId);

        await using var session = sessions.OpenForWrite(nameof(StartVideoCall));
        await VideoCallReach.EnsureCanCallAsync(session, caller, callee, cancellationToken);

        var now = clock.GetUtcNow();
        var timeout = options.Value.RingTimeoutSeconds;
        var requested = new VideoCallRequested(Guid.CreateVersion7(), caller, callee, (int)Math.Ceiling(timeout), now);
        session.Events.StartStream<VideoCall>(requested.CallId, requested);
        await sessions.Bus.ScheduleAsync(new VideoCallRingTimedOut(requested.CallId), now + TimeSpan.FromSeconds(timeout));
        staffRoster.RecordCaller(session);
        await session.SaveChangesAsync(cancellationToken);

        var call = await session.Events.AggregateStreamAsync<VideoCall>(requested.CallId, token: cancellationToken);
        var names = await VideoCallView.LoadNamesAsync(session, [call!], cancellationToken);
        notifier.PublishState(context.ResidenceId, "video-call-ringing", call!, names);
        return VideoCallView.Of(call!, caller, names);
    }
}

internal static class StartVideoCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/video-calls", async (VideoCallRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var call = await mediator.Send(new StartVideoCall(body.Callee?.Kind, body.Callee?.Id), cancellationToken);
                return TypedResults.Created($"/api/v1/video-calls/{call.Id}", call);
            })
            .WithTags("Appels vidéo")
            .WithSummary("Appelle un résident, un aidant autorisé ou un membre de l'équipe en vidéo ; l'appel sonne jusqu'au délai configuré");
}
