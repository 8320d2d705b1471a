using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Features.AgendaFeeds;
using BonSecours.Modules.CommunityLife.Features.CancelOccurrence;
using BonSecours.Modules.CommunityLife.Features.ChangeActivity;
using BonSecours.Modules.CommunityLife.Features.ListActivities;
using BonSecours.Modules.CommunityLife.Features.ListResidentRegistrations;
using BonSecours.Modules.CommunityLife.Features.PostAnnouncement;
using BonSecours.Modules.CommunityLife.Features.ProposeActivity;
using BonSecours.Modules.CommunityLife.Features.PublishActivity;
using BonSecours.Modules.CommunityLife.Features.PublishLocalEvent;
using BonSecours.Modules.CommunityLife.Features.RegisterForActivity;
using BonSecours.Modules.CommunityLife.Games;
using BonSecours.Modules.CommunityLife.Messaging;
using BonSecours.Modules.CommunityLife.People;
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
        MessageReportsEndpoints.Map(api);
        StartVideoCallEndpoint.Map(api);
        AnswerVideoCallEndpoints.Map(api);
        SendVideoCallSignalEndpoint.Map(api);
        ListVideoCallsEndpoints.Map(api);
        InviteToGameEndpoint.Map(api);
        AnswerGameInvitationEndpoints.Map(api);
        PlayGameMoveEndpoint.Map(api);
        StartRematchEndpoint.Map(api);
        GetGameEndpoints.Map(api);
        PublishActivityEndpoint.Map(api);
        ChangeActivityEndpoint.Map(api);
        ListActivitiesEndpoint.Map(api);
        CancelOccurrenceEndpoint.Map(api);
        RegistrationEndpoints.Map(api);
        ListResidentRegistrationsEndpoint.Map(api);
        AgendaFeedEndpoints.Map(api);
        PublishLocalEventEndpoint.Map(api);
        ProposeActivityEndpoint.Map(api);
        PostAnnouncementEndpoint.Map(api);
        AgendaLiveEndpoint.Map(api);
        GetConversationEndpoint.Map(api);
        ListContactsEndpoint.Map(api);
    }
}
