namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record ConversationView(
    Guid Id, ConversationKind Kind, string? Title, IReadOnlyList<Participant> Participants, long LastSequence, DateTimeOffset LastActivityAt)
{
    public static ConversationView Of(Conversation conversation) => new(
        conversation.Id, conversation.Kind, conversation.Title, conversation.Participants, conversation.LastSequence, conversation.LastActivityAt);
}

/// <summary>A conversation and whether this request created it (201) or found it (200).</summary>
internal sealed record OpenedConversation(ConversationView Conversation, bool Created);
