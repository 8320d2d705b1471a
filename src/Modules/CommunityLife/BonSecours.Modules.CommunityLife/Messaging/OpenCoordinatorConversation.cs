using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record OpenCoordinatorConversation : ICommand<OpenedConversation>;

/// <summary>
/// Returns, or starts, the signed-in resident's conversation with the coordinator role: the
/// resident is its only member, and every activity coordinator of the residence sees it.
/// </summary>
internal sealed class OpenCoordinatorConversationHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<OpenCoordinatorConversation, OpenedConversation>
{
    public async Task<OpenedConversation> Handle(OpenCoordinatorConversation command, CancellationToken cancellationToken)
    {
        var caller = access.Caller();
        if (context.Role != Roles.Resident)
        {
            throw new AccessDeniedException("messaging.residents-only", new LocalizedText(
                "Seuls les résidents peuvent écrire ici.",
                "Only residents have a conversation with the coordinator."));
        }

        await using var session = sessions.OpenForWrite(nameof(OpenCoordinatorConversation));
        var id = DeterministicGuid.Create("coordinator-conversation", caller.Key);
        if (await session.LoadAsync<Conversation>(id, cancellationToken) is { } existing)
        {
            return new OpenedConversation(await ConversationView.LoadAsync(session, existing, cancellationToken), Created: false);
        }

        session.Events.StartStream<Conversation>(id, new ConversationStarted(id, ConversationKind.Coordinator, "L'animatrice", [caller], caller, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        var started = await session.LoadAsync<Conversation>(id, cancellationToken);
        return new OpenedConversation(await ConversationView.LoadAsync(session, started!, cancellationToken), Created: true);
    }
}

internal static class OpenCoordinatorConversationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/conversations/coordinator", async (IMediator mediator, CancellationToken cancellationToken) =>
                StartConversationEndpoint.Opened(await mediator.Send(new OpenCoordinatorConversation(), cancellationToken)))
            .WithTags("Messagerie")
            .WithSummary("Ouvre (ou retrouve) la conversation du résident connecté avec l'animatrice");
}
