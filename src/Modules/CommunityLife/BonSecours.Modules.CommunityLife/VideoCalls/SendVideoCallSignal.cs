using System.Text.Json;
using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

internal sealed record VideoCallSignalRequest(string? Type, JsonElement? Payload);

/// <summary>A WebRTC signalling message as the other party receives it on its live stream.</summary>
internal sealed record VideoCallSignal(Guid CallId, string Type, JsonElement Payload, VideoCallPartyView From);

internal sealed record SendVideoCallSignal(Guid CallId, string? Type, JsonElement? Payload) : ICommand<VideoCallSignalSent>;

internal sealed record VideoCallSignalSent(Guid CallId, string Type);

internal sealed class SendVideoCallSignalValidator : AbstractValidator<SendVideoCallSignal>
{
    public static readonly string[] Types = ["offer", "answer", "ice-candidate"];

    /// <summary>Maximum size of a payload as JSON text, in characters.</summary>
    public const int MaxPayloadLength = 16 * 1024;

    public SendVideoCallSignalValidator()
    {
        RuleFor(command => command.Type)
            .Must(type => type is not null && Types.Contains(type))
            .Says("Le type doit être « offer », « answer » ou « ice-candidate ».", "The type must be offer, answer or ice-candidate.")
            .Named("type", "type");
        RuleFor(command => command.Payload)
            .Must(payload => payload is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null })
            .Says("Le contenu (« payload ») est obligatoire.", "The payload is required.")
            .Named("contenu", "payload");
        RuleFor(command => command.Payload)
            .Must(payload => payload is null || payload.Value.ValueKind == JsonValueKind.Undefined || payload.Value.GetRawText().Length <= MaxPayloadLength)
            .Says($"Le contenu (« payload ») dépasse {MaxPayloadLength / 1024} Ko.", $"The payload is larger than {MaxPayloadLength / 1024} KB.")
            .Named("contenu", "payload");
    }
}

/// <summary>
/// Relays a WebRTC offer, answer or ICE candidate to the other party of a ringing or active
/// call, over the live stream only: nothing is stored, and nobody else receives it.
/// </summary>
internal sealed class SendVideoCallSignalHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, VideoCallNotifier notifier)
    : IRequestHandler<SendVideoCallSignal, VideoCallSignalSent>
{
    public async Task<VideoCallSignalSent> Handle(SendVideoCallSignal command, CancellationToken cancellationToken)
    {
        var party = VideoCallParty.OfCaller(context);
        await using var session = sessions.OpenForRead();
        var call = VideoCallAccess.EnsureInvolved(await session.LoadAsync<VideoCall>(command.CallId, cancellationToken), command.CallId, party);
        if (!call.IsOpen)
        {
            throw VideoCall.Finished();
        }

        var names = await VideoCallView.LoadNamesAsync(session, [call], cancellationToken);
        var signal = new VideoCallSignal(call.Id, command.Type!, command.Payload!.Value, VideoCallView.PartyOf(party, names));
        notifier.PublishTo(context.ResidenceId, call.OtherParty(party), "video-call-signal", signal);
        return new VideoCallSignalSent(call.Id, command.Type!);
    }
}

internal static class SendVideoCallSignalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/video-calls/{callId:guid}/signals", async (Guid callId, VideoCallSignalRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var sent = await mediator.Send(new SendVideoCallSignal(callId, body.Type, body.Payload), cancellationToken);
                return TypedResults.Accepted((string?)null, sent);
            })
            .WithTags("Appels vidéo")
            .WithSummary("Transmet à l'autre personne un message de signalisation WebRTC (offer, answer, ice-candidate ; 16 Ko au plus)");
}
