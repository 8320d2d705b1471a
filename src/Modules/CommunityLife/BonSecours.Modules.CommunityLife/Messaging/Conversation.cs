
namespace BonSecours.Modules.CommunityLife.Messaging;

internal enum ConversationKind
{
    /// <summary>Two participants.</summary>
    OneToOne,

    /// <summary>Members chosen by the activity coordinator, such as a floor or a club.</summary>
    Group,

    /// <summary>A resident and every activity coordinator of the residence.</summary>
    Coordinator,
}

/// <summary>A conversation's members and its latest message, folded from its stream (inline snapshot).</summary>
internal sealed class Conversation
{
    public Guid Id { get; set; }

    public ConversationKind Kind { get; set; }

    public string? Title { get; set; }

    public List<Participant> Participants { get; set; } = [];

    /// <summary>The participants' keys, kept apart so a query can find a person's conversations.</summary>
    public List<string> ParticipantKeys { get; set; } = [];

    public long LastSequence { get; set; }

    public Guid? LastMessageId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public bool Includes(Participant participant) => ParticipantKeys.Contains(participant.Key);

    public void Apply(ConversationStarted started)
    {
        Id = started.ConversationId;
        Kind = started.Kind;
        Title = started.Title;
        Participants = [.. started.Participants];
        ParticipantKeys = [.. started.Participants.Select(participant => participant.Key)];
        StartedAt = started.StartedAt;
        LastActivityAt = started.StartedAt;
    }

    public void Apply(ParticipantAdded added)
    {
        if (!Includes(added.Participant))
        {
            Participants.Add(added.Participant);
            ParticipantKeys.Add(added.Participant.Key);
        }
    }

    public void Apply(ParticipantRemoved removed)
    {
        Participants.RemoveAll(participant => participant.Key == removed.Participant.Key);
        ParticipantKeys.Remove(removed.Participant.Key);
    }

    public void Apply(MessagePosted posted)
    {
        LastSequence = posted.Sequence;
        LastMessageId = posted.MessageId;
        LastActivityAt = posted.PostedAt;
    }
}
