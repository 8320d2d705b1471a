using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <summary>Who may read and write which conversation, and the French errors residents see when they may not.</summary>
internal sealed class MessagingAccess(IRequestContext context)
{
    public static bool IsCoordinator(string role) => role is Roles.ActivityCoordinator or Roles.Administrator;

    public bool CallerIsCoordinator => IsCoordinator(context.Role);

    /// <summary>The caller as a participant; a role that takes no part in conversations gets a 403.</summary>
    public Participant Caller() => Participant.Of(context) ?? throw new AccessDeniedException("messaging.role-not-allowed", new LocalizedText(
        "Votre rôle ne donne pas accès à la messagerie.",
        "Your role has no access to messaging."));

    /// <summary>Loads the conversation (404 when unknown in this residence) and checks the caller takes part in it (403).</summary>
    public async Task<Conversation> EnsureParticipantAsync(IQuerySession session, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await session.LoadAsync<Conversation>(conversationId, cancellationToken) ?? throw NotFound(conversationId);
        if (!CanSee(conversation))
        {
            throw Denied();
        }

        return conversation;
    }

    /// <summary>A participant sees a conversation, and every coordinator sees the residents' coordinator conversations.</summary>
    public bool CanSee(Conversation conversation) =>
        Participant.Of(context) is { } caller
        && (conversation.Includes(caller) || (conversation.Kind == ConversationKind.Coordinator && context.Role == Roles.ActivityCoordinator));

    /// <summary>Rejects a post from a resident who moved out: they keep reading but may no longer write (422).</summary>
    public static async Task EnsureMayPostAsync(IQuerySession session, Participant sender, CancellationToken cancellationToken)
    {
        if (sender.Kind != ParticipantKind.Resident)
        {
            return;
        }

        var file = await session.LoadAsync<ResidentCommunityFile>(Guid.Parse(sender.Id), cancellationToken);
        if (file is not { LivesHere: true })
        {
            throw new DomainRuleException("messaging.read-only", new LocalizedText(
                "Cette conversation est en lecture seule.",
                "This conversation is read-only."));
        }
    }

    /// <summary>Rejects a one-to-one between two people when either has blocked the other (403).</summary>
    public static async Task EnsureNotBlockedAsync(IQuerySession session, Participant caller, Participant other, CancellationToken cancellationToken)
    {
        if (await ParticipantBlock.EitherBlockedAsync(session, caller.Key, other.Key, cancellationToken))
        {
            throw new AccessDeniedException("messaging.blocked", new LocalizedText(
                "Vous ne pouvez pas écrire à cette personne.",
                "You cannot write to this person because one of you blocked the other."));
        }
    }

    public static NotFoundException NotFound(Guid conversationId) => new("messaging.conversation-not-found", new LocalizedText(
        $"Cette conversation n'existe pas ({conversationId}).",
        $"No conversation {conversationId} in this residence."));

    public static AccessDeniedException Denied() => new("messaging.not-a-participant", new LocalizedText(
        "Vous ne faites pas partie de cette conversation.",
        "You do not take part in this conversation."));

    public static AccessDeniedException CoordinatorOnly() => new("messaging.coordinator-only", new LocalizedText(
        "Seules l'animatrice et la gestion de la résidence peuvent faire cela.",
        "Only the activity coordinator or an administrator may do this."));
}
