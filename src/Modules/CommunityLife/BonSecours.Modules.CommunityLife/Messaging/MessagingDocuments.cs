using BonSecours.BuildingBlocks.Domain;
using Marten;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <summary>One message with its text: personal content, erasable apart from the event history.</summary>
internal sealed class ConversationMessage
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public long Sequence { get; set; }

    public Participant Sender { get; set; } = Participant.Staff("unknown");

    /// <summary>The text exactly as sent, with no normalization; null for a voice message.</summary>
    public string? Text { get; set; }

    public bool IsVoice { get; set; }

    public int? VoiceDurationSeconds { get; set; }

    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>The audio of a voice message, under the message's id.</summary>
internal sealed class VoiceRecording
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Audio { get; set; } = [];
}

/// <summary>
/// How far one participant has read a conversation. It is kept per participant, not per
/// device, so every device of a person shows the same unread count.
/// </summary>
internal sealed class ReadPosition
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public string ParticipantKey { get; set; } = string.Empty;

    public long UpToSequence { get; set; }

    public static Guid IdOf(Guid conversationId, Participant participant) =>
        DeterministicGuid.Create("read-position", conversationId.ToString(), participant.Key);
}

/// <summary>A resident's block: the blocked person may no longer start or post in a one-to-one with them, call them or invite them to a game.</summary>
internal sealed class ParticipantBlock
{
    public Guid Id { get; set; }

    public string BlockerKey { get; set; } = string.Empty;

    public string BlockedKey { get; set; } = string.Empty;

    public DateTimeOffset BlockedAt { get; set; }

    public static Guid IdOf(Participant blocker, Participant blocked) => IdOf(blocker.Key, blocked.Key);

    /// <summary>Returns whether either person blocked the other, from keys such as <c>resident:{id}</c>.</summary>
    public static async Task<bool> EitherBlockedAsync(IQuerySession session, string firstKey, string secondKey, CancellationToken cancellationToken)
    {
        var blocks = await session.LoadManyAsync<ParticipantBlock>(cancellationToken, IdOf(firstKey, secondKey), IdOf(secondKey, firstKey));
        return blocks.Count > 0;
    }

    private static Guid IdOf(string blockerKey, string blockedKey) =>
        DeterministicGuid.Create("participant-block", blockerKey, blockedKey);
}

/// <summary>A message a participant reported to the activity coordinators.</summary>
internal sealed class MessageReport
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public Guid MessageId { get; set; }

    public Participant ReportedBy { get; set; } = Participant.Staff("unknown");

    public Participant Sender { get; set; } = Participant.Staff("unknown");

    public string Reason { get; set; } = string.Empty;

    /// <summary>The report's time in whole microseconds, the precision PostgreSQL compares, so it is exact as a paging cursor.</summary>
    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>When a coordinator marked the report handled; null while it waits.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The user id of the coordinator who handled the report.</summary>
    public string? ResolvedBy { get; set; }

    /// <summary>What the coordinator did about it, in their words; optional.</summary>
    public string? Resolution { get; set; }

    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
