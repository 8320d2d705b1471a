using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record PostVoiceMessage(Guid ConversationId, string? ContentType, int? DurationSeconds, byte[] Audio) : ICommand<MessageView>;

internal sealed class PostVoiceMessageValidator : AbstractValidator<PostVoiceMessage>
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDurationSeconds = 120;
    public static readonly string[] AudioTypes = ["audio/webm", "audio/ogg", "audio/mp4"];

    public PostVoiceMessageValidator()
    {
        RuleFor(command => command.ContentType)
            .Must(type => type is not null && AudioTypes.Contains(type))
            .Says("Le son doit être au format audio/webm, audio/ogg ou audio/mp4.", "The audio must be audio/webm, audio/ogg or audio/mp4.")
            .Named("type de contenu", "content type");
        RuleFor(command => command.DurationSeconds)
            .NotNull().InclusiveBetween(1, MaxDurationSeconds)
            .Says($"Le message vocal dure {MaxDurationSeconds / 60} minutes au plus. Indiquez sa durée en secondes.", $"Give the duration in seconds, from 1 to {MaxDurationSeconds}.")
            .Named("durée", "durationSeconds");
        RuleFor(command => command.Audio)
            .Must(audio => audio.Length is > 0 and <= MaxBytes)
            .Says("Le message vocal est vide ou trop lourd (1 Mo au plus).", "The audio is empty or larger than 1 MB.")
            .Named("son", "audio");
    }
}

/// <summary>Posts a short voice message, for residents who do not write easily.</summary>
internal sealed class PostVoiceMessageHandler(MessagePosting posting) : IRequestHandler<PostVoiceMessage, MessageView>
{
    public Task<MessageView> Handle(PostVoiceMessage command, CancellationToken cancellationToken) =>
        posting.PostAsync(nameof(PostVoiceMessage), command.ConversationId,
            new ConversationMessage { IsVoice = true, VoiceDurationSeconds = command.DurationSeconds },
            new VoiceRecording { ContentType = command.ContentType!, Audio = command.Audio },
            cancellationToken);
}

internal sealed record GetVoiceMessage(Guid ConversationId, Guid MessageId) : IQuery<VoiceRecording>;

/// <summary>Returns a voice message's audio to the conversation's participants only.</summary>
internal sealed class GetVoiceMessageHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access) : IRequestHandler<GetVoiceMessage, VoiceRecording>
{
    public async Task<VoiceRecording> Handle(GetVoiceMessage query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        await access.EnsureParticipantAsync(session, query.ConversationId, cancellationToken);
        var recording = await session.LoadAsync<VoiceRecording>(query.MessageId, cancellationToken);
        return recording is not null && recording.ConversationId == query.ConversationId
            ? recording
            : throw new NotFoundException("messaging.voice-message-not-found", new LocalizedText(
                "Ce message vocal n'existe pas.",
                $"No voice message {query.MessageId} in this conversation."));
    }
}

internal static class VoiceMessageEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/conversations/{conversationId:guid}/voice-messages", async (Guid conversationId, int? durationSeconds, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var audio = await ReadLimitedAsync(request, cancellationToken);
                var contentType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                var message = await mediator.Send(new PostVoiceMessage(conversationId, contentType, durationSeconds, audio), cancellationToken);
                return TypedResults.Created($"/api/v1/conversations/{conversationId}/voice-messages/{message.Id}", message);
            })
            .Accepts<byte[]>(false, "audio/webm", "audio/ogg", "audio/mp4")
            .WithTags("Messagerie")
            .WithSummary("Envoie un message vocal (1 Mo et 2 minutes au plus ; durée en secondes dans durationSeconds)");

        api.MapGet("/conversations/{conversationId:guid}/voice-messages/{messageId:guid}", async (Guid conversationId, Guid messageId, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var recording = await mediator.Send(new GetVoiceMessage(conversationId, messageId), cancellationToken);
                return TypedResults.File(recording.Audio, recording.ContentType);
            })
            .WithTags("Messagerie")
            .WithSummary("Renvoie le son d'un message vocal (membres de la conversation)");
    }

    /// <summary>Reads at most one byte past the limit, so an oversized upload fails validation without being held in memory whole.</summary>
    private static async Task<byte[]> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = PostVoiceMessageValidator.MaxBytes + 1;
        if (request.ContentLength > limit)
        {
            return new byte[limit];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
