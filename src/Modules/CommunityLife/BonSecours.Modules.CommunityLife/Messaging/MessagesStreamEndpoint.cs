using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <summary>
/// The caller's live stream of new messages. Each message is addressed to its participants
/// (<c>person:</c> or <c>user:</c> ids), so only they receive it.
/// </summary>
internal static class MessagesStreamEndpoint
{
    private static readonly IReadOnlySet<string> Topics = new HashSet<string> { MessagePosting.Topic };

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/conversations/stream", (RealtimeBroker broker, IRequestContext context, MessagingAccess access, CancellationToken cancellationToken) =>
            {
                access.Caller();
                return RealtimeStreams.Open(broker, context, Topics, cancellationToken);
            })
            .WithTags("Messagerie")
            .WithSummary("Flux en direct (server-sent events) des nouveaux messages des conversations de la personne connectée");
}
