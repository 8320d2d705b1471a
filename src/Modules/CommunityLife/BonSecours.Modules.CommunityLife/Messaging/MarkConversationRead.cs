using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record ReadStatus(Guid ConversationId, long ReadUpToSequence, long UnreadCount);

internal sealed record MarkConversationRead(Guid ConversationId, long? UpToSequence) : ICommand<ReadStatus>;

internal sealed class MarkConversationReadValidator : AbstractValidator<MarkConversationRead>
{
    public MarkConversationReadValidator() =>
        RuleFor(command => command.UpToSequence).NotNull().GreaterThanOrEqualTo(0).Named("dernier message lu", "upToSequence");
}

/// <summary>
/// Moves the caller's read position forward. A position older than the stored one is
/// ignored, so a device that syncs late never marks messages unread again.
/// </summary>
internal sealed class MarkConversationReadHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access)
    : IRequestHandler<MarkConversationRead, ReadStatus>
{
    public async Task<ReadStatus> Handle(MarkConversationRead command, CancellationToken cancellationToken)
    {
        var caller = access.Caller();
        await using var session = sessions.OpenForWrite(nameof(MarkConversationRead));
        await access.EnsureParticipantAsync(session, command.ConversationId, cancellationToken);

        // The conversation stream's row lock, which posting also takes, serializes the marks of
        // several devices, so each one reads the position the previous one committed.
        var stream = await session.Events.FetchForExclusiveWriting<Conversation>(command.ConversationId, cancellationToken);
        var conversation = stream.Aggregate!;
        var id = ReadPosition.IdOf(conversation.Id, caller);
        var position = await session.LoadAsync<ReadPosition>(id, cancellationToken)
            ?? new ReadPosition { Id = id, ConversationId = conversation.Id, ParticipantKey = caller.Key };

        var upTo = Math.Min(command.UpToSequence!.Value, conversation.LastSequence);
        if (upTo > position.UpToSequence)
        {
            position.UpToSequence = upTo;
            session.Store(position);
            await session.SaveChangesAsync(cancellationToken);
        }

        return new ReadStatus(conversation.Id, position.UpToSequence, Math.Max(0, conversation.LastSequence - position.UpToSequence));
    }
}

internal sealed record MarkReadBody(long? UpToSequence);

internal static class MarkConversationReadEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/conversations/{conversationId:guid}/read", (Guid conversationId, MarkReadBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new MarkConversationRead(conversationId, body.UpToSequence), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Note que la personne connectée a lu la conversation jusqu'au message donné (sur tous ses appareils)");
}
