using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Domain.Agenda;

namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>Tells residents promoted from a waiting list, on the <c>agenda</c> live stream.</summary>
internal static class AgendaNotifications
{
    public const string Topic = "agenda";

    public const string PromotedType = "registration-confirmed";

    /// <summary>Publishes one message per promoted resident. Call it after the commit, so a rolled-back promotion sends no message.</summary>
    public static void Promoted(RealtimeBroker broker, string residence, IEnumerable<object> events, Activity activity, DateTimeOffset now)
    {
        foreach (var promoted in events.OfType<WaitingResidentPromoted>())
        {
            var payload = new
            {
                activityId = activity.Id,
                title = activity.Details.Title,
                occurrenceStart = AgendaTime.Key(promoted.OccurrenceStart),
                residentId = promoted.ResidentId,
                message = $"Une place s'est libérée. Vous êtes inscrit à « {activity.Details.Title} ».",
            };
            broker.Publish(new RealtimeMessage(residence, Topic, PromotedType, [$"person:{promoted.ResidentId}"], payload, now));
        }
    }
}
