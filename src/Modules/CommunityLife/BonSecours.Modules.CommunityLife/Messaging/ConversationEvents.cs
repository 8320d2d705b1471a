namespace BonSecours.Modules.CommunityLife.Messaging;

// Events of a conversation stream. Message bodies are personal content, kept in
// ConversationMessage documents so they can be erased; the events only carry ids.

internal sealed record ConversationStarted(Guid ConversationId, ConversationKind Kind, string? Title, IReadOnlyList<Participant> Participants, Participant StartedBy, DateTimeOffset StartedAt);

internal sealed record ParticipantAdded(Guid ConversationId, Participant Participant, Participant AddedBy);

internal sealed record ParticipantRemoved(Guid ConversationId, Participant Participant, Participant RemovedBy);

/// <param name="Sequence">Numbers the messages of the conversation 1, 2, 3… in the order they were committed.</param>
internal sealed record MessagePosted(Guid ConversationId, Guid MessageId, long Sequence, Participant Sender, bool IsVoice, DateTimeOffset PostedAt);
