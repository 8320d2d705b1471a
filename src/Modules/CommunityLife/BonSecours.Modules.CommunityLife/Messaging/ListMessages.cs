using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.People;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <summary>
/// A page of messages in sequence order. The cursor is a message sequence number:
/// <c>before</c> pages back through history, <c>after</c> pages forward to newer messages.
/// </summary>
/// <param name="NextCursor">For <c>before</c> (or no cursor), the cursor of the older page, null at the start of the history; for <c>after</c>, the cursor to poll next.</param>
internal sealed record MessagePage(IReadOnlyList<MessageView> Items, string? NextCursor);

internal sealed record ListMessages(Guid ConversationId, string? Before, string? After, int Limit) : IQuery<MessagePage>;

internal sealed class ListMessagesValidator : AbstractValidator<ListMessages>
{
    public const int MaxLimit = 100;

    public ListMessagesValidator()
    {
        RuleFor(query => query.Limit).InclusiveBetween(1, MaxLimit).Named("limite", "limit");
        RuleFor(query => query.Before).Must(IsCursor).Says("Le curseur est invalide.", "The cursor must be a message sequence number.").Named("before", "before");
        RuleFor(query => query.After).Must(IsCursor).Says("Le curseur est invalide.", "The cursor must be a message sequence number.").Named("after", "after");
        RuleFor(query => query)
            .Must(query => query.Before is null || query.After is null)
            .Says("Donnez « before » ou « after », pas les deux.", "Give either before or after, not both.")
            .Named("curseur", "cursor");
    }

    private static bool IsCursor(string? cursor) => cursor is null || (long.TryParse(cursor, out var sequence) && sequence >= 0);
}

internal sealed class ListMessagesHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access) : IRequestHandler<ListMessages, MessagePage>
{
    public async Task<MessagePage> Handle(ListMessages query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var conversation = await access.EnsureParticipantAsync(session, query.ConversationId, cancellationToken);
        var messages = session.Query<ConversationMessage>().Where(message => message.ConversationId == query.ConversationId);

        if (query.After is not null)
        {
            var after = long.Parse(query.After);
            var newer = await messages.Where(message => message.Sequence > after).OrderBy(message => message.Sequence).Take(query.Limit).ToListAsync(cancellationToken);
            var cursor = newer.Count > 0 ? newer[^1].Sequence : after;
            var newerNames = await ParticipantNames.LoadAsync(session, SendersOf(conversation, newer), cancellationToken);
            return new MessagePage([.. newer.Select(message => MessageView.Of(message, newerNames))], cursor.ToString());
        }

        var before = query.Before is null ? long.MaxValue : long.Parse(query.Before);
        var older = await messages.Where(message => message.Sequence < before).OrderByDescending(message => message.Sequence).Take(query.Limit).ToListAsync(cancellationToken);
        var names = await ParticipantNames.LoadAsync(session, SendersOf(conversation, older), cancellationToken);
        var items = older.OrderBy(message => message.Sequence).Select(message => MessageView.Of(message, names)).ToList();
        var hasMore = items.Count > 0 && items[0].Sequence > 1;
        return new MessagePage(items, hasMore ? items[0].Sequence.ToString() : null);
    }

    /// <summary>The current participants and the page's senders, who may have left the conversation since.</summary>
    private static IEnumerable<Participant> SendersOf(Conversation conversation, IEnumerable<ConversationMessage> messages) =>
        conversation.Participants.Concat(messages.Select(message => message.Sender));
}

internal static class ListMessagesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/conversations/{conversationId:guid}/messages", (Guid conversationId, string? before, string? after, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListMessages(conversationId, before, after, limit ?? 50), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Liste les messages d'une conversation, page par page (curseurs before et after, 50 par défaut)");
}
