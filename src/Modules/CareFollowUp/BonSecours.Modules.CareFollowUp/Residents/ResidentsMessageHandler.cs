using BonSecours.Modules.Residents.Contracts;
using BonSecours.Modules.CareFollowUp.Appointments;
using Marten;

namespace BonSecours.Modules.CareFollowUp.Residents;

/// <summary>
/// Keeps each resident's care file in step with the Residents module. Every handler sets
/// state rather than adding to it, so a message delivered twice changes nothing more.
/// Wolverine only discovers public handlers, hence the public type.
/// </summary>
public static class ResidentsMessageHandler
{
    public static async Task Handle(ResidentRegistered message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.Category = message.Category;
        session.Store(file);
    }

    public static async Task Handle(ResidentMovedIn message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.LivesHere = true;
        file.FlatId = message.FlatId;
        file.FlatNumber = message.FlatNumber;
        file.Floor = message.Floor;
        file.MovedOutOn = null;
        session.Store(file);
    }

    /// <summary>A resident who moved out gets no more appointment reminders.</summary>
    public static async Task Handle(ResidentMovedOut message, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.LivesHere = false;
        file.MovedOutOn = message.MoveOutDate;
        session.Store(file);
        await AppointmentReminderWithdrawal.WithdrawFutureAsync(session, message.ResidentId, clock.GetUtcNow(), cancellationToken);
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

    /// <summary>A withdrawn consent removes the caregiver's access to health data at once.</summary>
    public static async Task Handle(ConsentWithdrawn message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.ConsentedCaregiverIds.Remove(message.CaregiverId);
        session.Store(file);
    }

    private static async Task<ResidentCareFile> LoadAsync(IDocumentSession session, Guid residentId, CancellationToken cancellationToken) =>
        await session.LoadAsync<ResidentCareFile>(residentId, cancellationToken) ?? new ResidentCareFile { Id = residentId };
}
