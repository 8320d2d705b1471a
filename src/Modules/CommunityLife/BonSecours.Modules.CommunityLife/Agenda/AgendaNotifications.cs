using System.Globalization;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CommunityLife.Domain.Agenda;

namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>Notifies residents, on the <c>agenda</c> live stream, that they left a waiting list or that their occurrence was dropped.</summary>
internal static class AgendaNotifications
{
    public const string Topic = "agenda";

    public const string PromotedType = "registration-confirmed";

    public const string DroppedType = "registration-cancelled";

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

    /// <summary>Publishes one message per resident whose registration ended with a dropped occurrence. Call it after the commit.</summary>
    public static void Dropped(RealtimeBroker broker, string residence, IEnumerable<DroppedOccurrence> dropped, Activity activity, DateTimeOffset now)
    {
        foreach (var occurrence in dropped)
        {
            foreach (var residentId in occurrence.ResidentIds)
            {
                var payload = new
                {
                    activityId = activity.Id,
                    title = activity.Details.Title,
                    occurrenceStart = AgendaTime.Key(occurrence.OccurrenceStart),
                    residentId,
                    message = $"« {activity.Details.Title} » du {FrenchDate(occurrence.Start)} n'a pas lieu. Votre inscription est annulée.",
                };
                broker.Publish(new RealtimeMessage(residence, Topic, DroppedType, [$"person:{residentId}"], payload, now));
            }
        }
    }

    private static string FrenchDate(DateTime localStart) =>
        localStart.ToString("dddd d MMMM 'à' H'h'mm", CultureInfo.GetCultureInfo("fr-FR"));
}
