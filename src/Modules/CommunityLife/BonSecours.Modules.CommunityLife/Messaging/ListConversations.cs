using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.People;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <param name="Preview">The start of the last text message; null for a voice message or an empty conversation.</param>
internal sealed record LastMessagePreview(Guid Id, long Sequence, ParticipantView Sender, string? Preview, bool IsVoice, DateTimeOffset PostedAt);

internal sealed record ConversationSummary(
    Guid Id, ConversationKind Kind, string? Title, IReadOnlyList<ParticipantView> Participants, long UnreadCount, long ReadUpToSequence, LastMessagePreview? LastMessage, DateTimeOffset LastActivityAt);

internal sealed record ListConversations : IQuery<IReadOnlyList<ConversationSummary>>;

/// <summary>Lists the caller's conversations, latest activity first, with their unread counts from the caller's read positions.</summary>
internal sealed class ListConversationsHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, IRequestContext context)
    : IRequestHandler<ListConversations, IReadOnlyList<ConversationSummary>>
{
    public const int PreviewLength = 80;

    public async Task<IReadOnlyList<ConversationSummary>> Handle(ListConversations query, CancellationToken cancellationToken)
    {
        var caller = access.Caller();
        await using var session = sessions.OpenForRead();
        var key = caller.Key;
        var seesCoordinatorDesk = context.Role == Roles.ActivityCoordinator;
        var conversations = await session.Query<Conversation>()
            .Where(conversation => conversation.ParticipantKeys.Contains(key) || (seesCoordinatorDesk && conversation.Kind == ConversationKind.Coordinator))
            .OrderByDescending(conversation => conversation.LastActivityAt)
            .ToListAsync(cancellationToken);

        var positions = await session.LoadManyAsync<ReadPosition>(cancellationToken, conversations.Select(conversation => ReadPosition.IdOf(conversation.Id, caller)));
        var readUpTo = positions.ToDictionary(position => position.ConversationId, position => position.UpToSequence);
        var lastIds = conversations.Where(conversation => conversation.LastMessageId is not null).Select(conversation => conversation.LastMessageId!.Value);
        var lastMessages = (await session.LoadManyAsync<ConversationMessage>(cancellationToken, lastIds)).ToDictionary(message => message.Id);
        var everyone = conversations.SelectMany(conversation => conversation.Participants).Concat(lastMessages.Values.Select(message => message.Sender));
        var names = await ParticipantNames.LoadAsync(session, everyone, cancellationToken);

        return [.. conversations.Select(conversation =>
        {
            var read = readUpTo.GetValueOrDefault(conversation.Id);
            var last = conversation.LastMessageId is { } id ? lastMessages.GetValueOrDefault(id) : null;
            return new ConversationSummary(conversation.Id, conversation.Kind, conversation.Title, [.. conversation.Participants.Select(names.View)],
                Math.Max(0, conversation.LastSequence - read), read, last is null ? null : PreviewOf(last, names), conversation.LastActivityAt);
        })];
    }

    private static LastMessagePreview PreviewOf(ConversationMessage message, DisplayNames names)
    {
        var text = message.Text;
        if (text is not null && text.Length > PreviewLength)
        {
            // Cut on a text element boundary so no emoji or accent is split in half.
            var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
            var length = 0;
            while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= PreviewLength)
            {
                length = elements.ElementIndex + elements.GetTextElement().Length;
            }

            text = text[..length] + "…";
        }

        return new LastMessagePreview(message.Id, message.Sequence, names.View(message.Sender), text, message.IsVoice, message.PostedAt);
    }
}

internal static class ListConversationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/conversations", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListConversations(), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Liste les conversations de la personne connectée, avec le nombre de messages non lus");
}
