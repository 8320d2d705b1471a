using BonSecours.Modules.CommunityLife.Messaging;
using BonSecours.Modules.CommunityLife.Games;
using BonSecours.Modules.CommunityLife.VideoCalls;
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
        StartVideoCallEndpoint.Map(api);
        AnswerVideoCallEndpoints.Map(api);
        SendVideoCallSignalEndpoint.Map(api);
        ListVideoCallsEndpoints.Map(api);
        InviteToGameEndpoint.Map(api);
        AnswerGameInvitationEndpoints.Map(api);
        PlayGameMoveEndpoint.Map(api);
        StartRematchEndpoint.Map(api);
        GetGameEndpoints.Map(api);
    }
}
