using BonSecours.Modules.Services.Infrastructure;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace BonSecours.Modules.Services.Features.RecurringOrders;

/// <summary>
/// Wolverine's entry points for generating recurring orders. The work is in
/// <see cref="OccurrenceGeneration"/>. The session is the Services store's, for the residence
/// of the envelope, and commits with the outgoing messages.
/// </summary>
public static class RecurringOrdersHandler
{
    /// <summary>
    /// Retries after a concurrent write: another order may take a place in the same slot
    /// between our read and our write. The retry reads the slot again, then places the order or records it as skipped.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<ConcurrencyException>().Or<ExistingStreamIdCollisionException>().Or<DocumentAlreadyExistsException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
                TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800));

    public static Task Handle(GenerateRecurringOccurrences message, IDocumentSession session, IMessageContext bus, KioskClock clock, CancellationToken cancellationToken) =>
        OccurrenceGeneration.PlanAsync(session, bus, clock, message.RecurringOrderId, cancellationToken);

    public static Task Handle(PlaceRecurringOccurrence message, IDocumentSession session, IMessageContext bus, KioskClock clock, ILogger<PlaceRecurringOccurrence> logger, CancellationToken cancellationToken) =>
        OccurrenceGeneration.PlaceAsync(session, bus, clock, logger, message, cancellationToken);

    public static Task Handle(GenerateDailyOccurrences message, IDocumentSession session, IMessageContext bus, KioskClock clock, CancellationToken cancellationToken) =>
        OccurrenceGeneration.RunDailyAsync(session, bus, clock, message, cancellationToken);
}
