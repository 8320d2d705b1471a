using JasperFx;
using Marten;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace BonSecours.Modules.Services.Residents;

/// <summary>
/// Writes of a kiosk file that cannot overwrite a concurrent write: a new file is inserted
/// (a second insert fails) and a loaded one is stored with optimistic concurrency.
/// </summary>
internal static class ResidentFileWrites
{
    public static void Save(IDocumentSession session, ResidentServiceFile file)
    {
        if (file.IsNew)
        {
            session.Insert(file);
        }
        else
        {
            session.Store(file);
        }
    }

    /// <summary>Retries a handler after a concurrent write, reading the state again each time.</summary>
    public static void RetryOnClash(HandlerChain chain) =>
        chain.OnException<ConcurrencyException>().Or<DocumentAlreadyExistsException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
                TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800));
}
