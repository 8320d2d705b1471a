using BonSecours.Modules.CommunityLife.Messaging;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Infrastructure;

internal static class CommunityLifeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        MessagesStreamEndpoint.Map(api);
        ListConversationsEndpoint.Map(api);
        StartConversationEndpoint.Map(api);
        OpenCoordinatorConversationEndpoint.Map(api);
        GroupConversationEndpoints.Map(api);
        ListMessagesEndpoint.Map(api);
        PostMessageEndpoint.Map(api);
        VoiceMessageEndpoints.Map(api);
        MarkConversationReadEndpoint.Map(api);
        BlockParticipantEndpoint.Map(api);
        ReportMessageEndpoints.Map(api);
    }
}
