using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record GetConversation(Guid ConversationId) : IQuery<ConversationView>;

/// <summary>
/// Returns one conversation with its participants' names. A person who does not take part gets
/// the same 404 as for an unknown id, so the response does not reveal that the conversation exists.
/// A role that takes no part in conversations gets a 403.
/// </summary>
internal sealed class GetConversationHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access) : IRequestHandler<GetConversation, ConversationView>
{
    public async Task<ConversationView> Handle(GetConversation query, CancellationToken cancellationToken)
    {
        access.Caller();
        await using var session = sessions.OpenForRead();
        var conversation = await session.LoadAsync<Conversation>(query.ConversationId, cancellationToken);
        if (conversation is null || !access.CanSee(conversation))
        {
            throw MessagingAccess.NotFound(query.ConversationId);
        }

        return await ConversationView.LoadAsync(session, conversation, cancellationToken);
    }
}

internal static class GetConversationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/conversations/{conversationId:guid}", (Guid conversationId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetConversation(conversationId), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Donne une conversation et le nom de ses participants");
}
