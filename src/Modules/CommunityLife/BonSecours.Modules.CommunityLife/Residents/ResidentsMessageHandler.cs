using BonSecours.Modules.CommunityLife.People;
using BonSecours.Modules.Residents.Contracts;
using Marten;

namespace BonSecours.Modules.CommunityLife.Residents;

/// <summary>
/// Keeps each resident's community file, and each caregiver's display name, in step with the
/// Residents module. Every handler sets state rather than adding to it, so a message
/// delivered twice changes nothing more.
/// Wolverine only discovers public handlers, hence the public type.
/// </summary>
public static class ResidentsMessageHandler
{
    public static async Task Handle(ResidentMovedIn message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.LivesHere = true;
        file.FlatId = message.FlatId;
        file.FlatNumber = message.FlatNumber;
        file.Floor = message.Floor;
        file.HouseholdId = message.HouseholdId;
        file.MovedOutOn = null;
        session.Store(file);
    }

    public static async Task Handle(ResidentMovedOut message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.LivesHere = false;
        file.MovedOutOn = message.MoveOutDate;
        session.Store(file);
    }

    public static async Task Handle(CaregiverLinked message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        if (!file.ConsentedCaregiverIds.Contains(message.CaregiverId))
        {
            file.ConsentedCaregiverIds.Add(message.CaregiverId);
        }

        session.Store(file);
    }

    public static async Task Handle(ConsentWithdrawn message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.ConsentedCaregiverIds.Remove(message.CaregiverId);
        session.Store(file);
    }

    public static async Task Handle(ResidentDisplayNameSet message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.DisplayName = message.DisplayName;
        session.Store(file);
    }

    public static void Handle(CaregiverDisplayNameSet message, IDocumentSession session) =>
        session.Store(new CaregiverCommunityFile { Id = message.CaregiverId, DisplayName = message.DisplayName, Kind = message.Kind });

    private static async Task<ResidentCommunityFile> LoadAsync(IDocumentSession session, Guid residentId, CancellationToken cancellationToken) =>
        await session.LoadAsync<ResidentCommunityFile>(residentId, cancellationToken) ?? new ResidentCommunityFile { Id = residentId };
}
