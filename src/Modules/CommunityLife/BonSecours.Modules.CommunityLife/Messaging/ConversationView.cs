using Marten;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record ConversationView(
    Guid Id, ConversationKind Kind, string? Title, IReadOnlyList<ParticipantView> Participants, long LastSequence, DateTimeOffset LastActivityAt)
{
    /// <summary>Builds the view of a conversation with its participants' display names.</summary>
    public static async Task<ConversationView> LoadAsync(IQuerySession session, Conversation conversation, CancellationToken cancellationToken)
    {
        var names = await ParticipantNames.LoadAsync(session, conversation.Participants, cancellationToken);
        return new ConversationView(
            conversation.Id, conversation.Kind, conversation.Title, [.. conversation.Participants.Select(names.View)], conversation.LastSequence, conversation.LastActivityAt);
    }
}

/// <summary>A conversation and whether this request created it (201) or found it (200).</summary>
internal sealed record OpenedConversation(ConversationView Conversation, bool Created);
