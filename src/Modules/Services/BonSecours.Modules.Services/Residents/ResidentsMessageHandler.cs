using BonSecours.Modules.Residents.Contracts;
using Marten;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace BonSecours.Modules.Services.Residents;

/// <summary>
/// Keeps each resident's kiosk file in step with the Residents module. Every handler sets
/// state rather than adding to it, so a message delivered twice changes nothing more.
/// Wolverine only discovers public handlers, hence the public type.
/// </summary>
public static class ResidentsMessageHandler
{
    /// <summary>
    /// Retries a message whose file another message for the same resident changed first (the
    /// local queue runs messages in parallel), so neither update is lost.
    /// </summary>
    public static void Configure(HandlerChain chain) => ResidentFileWrites.RetryOnClash(chain);

    public static async Task Handle(ResidentMovedIn message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.LivesHere = true;
        file.FlatId = message.FlatId;
        file.FlatNumber = message.FlatNumber;
        file.Floor = message.Floor;
        file.HouseholdId = message.HouseholdId;
        file.MovedOutOn = null;
        ResidentFileWrites.Save(session, file);
    }

    /// <summary>Also cancels the resident's future orders and ends their recurring orders, see <see cref="MoveOutCleanup"/>.</summary>
    public static async Task Handle(ResidentMovedOut message, IDocumentSession session, IMessageContext bus, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.LivesHere = false;
        file.MovedOutOn = message.MoveOutDate;
        ResidentFileWrites.Save(session, file);
        await MoveOutCleanup.RunAsync(session, bus, message.ResidentId, message.MoveOutDate, cancellationToken);
    }

    public static async Task Handle(CaregiverLinked message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        if (!file.ConsentedCaregiverIds.Contains(message.CaregiverId))
        {
            file.ConsentedCaregiverIds.Add(message.CaregiverId);
        }

        ResidentFileWrites.Save(session, file);
    }

    public static async Task Handle(ConsentWithdrawn message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(session, message.ResidentId, cancellationToken);
        file.ConsentedCaregiverIds.Remove(message.CaregiverId);
        ResidentFileWrites.Save(session, file);
    }

    private static async Task<ResidentServiceFile> LoadAsync(IDocumentSession session, Guid residentId, CancellationToken cancellationToken) =>
        await session.LoadAsync<ResidentServiceFile>(residentId, cancellationToken) ?? new ResidentServiceFile { Id = residentId, IsNew = true };
}
