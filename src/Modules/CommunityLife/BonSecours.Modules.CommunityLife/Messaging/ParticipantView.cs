using BonSecours.Modules.CommunityLife.People;
using Marten;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <summary>A participant as payloads show them, with the name shown to the reader.</summary>
internal sealed record ParticipantView(ParticipantKind Kind, string Id, string DisplayName);

internal static class ParticipantNames
{
    /// <summary>Loads the display names of every participant given, in one round of queries.</summary>
    public static Task<DisplayNames> LoadAsync(IQuerySession session, IEnumerable<Participant> participants, CancellationToken cancellationToken)
    {
        var all = participants.ToList();
        return DisplayNames.LoadAsync(
            session,
            all.Where(participant => participant.Kind == ParticipantKind.Resident && Guid.TryParse(participant.Id, out _)).Select(participant => Guid.Parse(participant.Id)),
            all.Where(participant => participant.Kind == ParticipantKind.Caregiver && Guid.TryParse(participant.Id, out _)).Select(participant => Guid.Parse(participant.Id)),
            all.Where(participant => participant.Kind == ParticipantKind.Staff).Select(participant => participant.Id),
            cancellationToken);
    }

    public static ParticipantView View(this DisplayNames names, Participant participant) => new(participant.Kind, participant.Id, participant.Kind switch
    {
        ParticipantKind.Resident => names.Resident(participant.Id),
        ParticipantKind.Caregiver => names.Caregiver(participant.Id),
        _ => names.Staff(participant.Id),
    });
}
