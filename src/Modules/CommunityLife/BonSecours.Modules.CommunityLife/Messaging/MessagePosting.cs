using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Contracts;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.People;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record MessageView(Guid Id, Guid ConversationId, long Sequence, ParticipantView Sender, string? Text, bool IsVoice, int? VoiceDurationSeconds, DateTimeOffset PostedAt)
{
    public static MessageView Of(ConversationMessage message, DisplayNames names) => new(
        message.Id, message.ConversationId, message.Sequence, names.View(message.Sender), message.Text, message.IsVoice, message.VoiceDurationSeconds, message.PostedAt);
}

/// <summary>
/// Posts a text or voice message: checks the sender may write, numbers the message inside
/// the conversation stream's transaction, stores its content, publishes MessageSent through
/// the outbox, and once committed pushes it to the participants' live streams.
/// </summary>
internal sealed class MessagePosting(
    ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, IRequestContext context, RealtimeBroker broker, TimeProvider clock, StaffRoster staffRoster)
{
    public const string Topic = "messages";

    public async Task<MessageView> PostAsync(string requestName, Guid conversationId, ConversationMessage message, VoiceRecording? recording, CancellationToken cancellationToken)
    {
        var sender = access.Caller();
        await using var session = sessions.OpenForWrite(requestName);
        var conversation = await access.EnsureParticipantAsync(session, conversationId, cancellationToken);
        await MessagingAccess.EnsureMayPostAsync(session, sender, cancellationToken);
        if (conversation.Kind == ConversationKind.OneToOne)
        {
            var other = conversation.Participants.First(participant => participant.Key != sender.Key);
            await MessagingAccess.EnsureNotBlockedAsync(session, sender, other, cancellationToken);
        }

        // The row lock on the stream serializes posts to one conversation, so sequence numbers
        // are committed in order and a reader paging with "after" never skips a late commit.
        var stream = await session.Events.FetchForExclusiveWriting<Conversation>(conversationId, cancellationToken);
        message.Id = Guid.CreateVersion7();
        message.ConversationId = conversationId;
        message.Sequence = stream.Aggregate!.LastSequence + 1;
        message.Sender = sender;
        message.PostedAt = clock.GetUtcNow();
        stream.AppendOne(new MessagePosted(conversationId, message.Id, message.Sequence, sender, message.IsVoice, message.PostedAt));
        session.Store(message);
        if (recording is not null)
        {
            recording.Id = message.Id;
            recording.ConversationId = conversationId;
            session.Store(recording);
        }

        // Writing a message means the sender has read the conversation up to it.
        session.Store(new ReadPosition { Id = ReadPosition.IdOf(conversationId, sender), ConversationId = conversationId, ParticipantKey = sender.Key, UpToSequence = message.Sequence });
        await sessions.Bus.PublishAsync(new MessageSent(conversationId, message.Id, SenderIdOf(sender), message.IsVoice, message.PostedAt));
        staffRoster.RecordCaller(session);
        await session.SaveChangesAsync(cancellationToken);

        var view = MessageView.Of(message, await ParticipantNames.LoadAsync(session, [sender], cancellationToken));
        Push(conversation, view);
        return view;
    }

    /// <summary>MessageSent carries a GUID; a staff member's is derived from their user id.</summary>
    private static Guid SenderIdOf(Participant sender) =>
        sender.Kind == ParticipantKind.Staff ? DeterministicGuid.Create("staff", sender.Id) : Guid.Parse(sender.Id);

    private void Push(Conversation conversation, MessageView message)
    {
        var audience = conversation.Participants.Select(participant => participant.Audience).ToList();
        if (conversation.Kind == ConversationKind.Coordinator)
        {
            audience.Add(Roles.ActivityCoordinator);
        }

        broker.Publish(new RealtimeMessage(context.ResidenceId, Topic, "message-posted", audience, message, message.PostedAt));
    }
}
