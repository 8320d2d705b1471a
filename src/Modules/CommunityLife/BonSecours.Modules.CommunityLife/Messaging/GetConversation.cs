using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record GetConversation(Guid ConversationId) : IQuery<ConversationView>;

/// <summary>Returns one conversation with its participants' names: 404 when unknown in this residence, 403 for someone who does not take part.</summary>
internal sealed class GetConversationHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access) : IRequestHandler<GetConversation, ConversationView>
{
    public async Task<ConversationView> Handle(GetConversation query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var conversation = await access.EnsureParticipantAsync(session, query.ConversationId, cancellationToken);
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
