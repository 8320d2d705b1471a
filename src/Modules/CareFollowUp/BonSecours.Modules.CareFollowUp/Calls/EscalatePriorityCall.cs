using BonSecours.Modules.CareFollowUp.Residents;
using BonSecours.Modules.CareFollowUp.Settings;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace BonSecours.Modules.CareFollowUp.Calls;

/// <summary>
/// The durable timer of a call: scheduled for when level <paramref name="ExpectedLevel"/>'s
/// acknowledgement deadline runs out. It does nothing if the call moved on in the meantime.
/// </summary>
public sealed record EscalatePriorityCall(Guid CallId, int ExpectedLevel);

/// <summary>Wolverine's entry point for <see cref="EscalatePriorityCall"/>; public because Wolverine only discovers public handlers.</summary>
public static class EscalatePriorityCallHandler
{
    /// <summary>An acknowledgement committed between our read and our write: retry, and the retry sees it and stops.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<JasperFx.ConcurrencyException>().RetryTimes(3);

    public static Task Handle(EscalatePriorityCall message, PriorityCallEscalator escalator, IDocumentSession session, IMessageContext bus, CancellationToken cancellationToken) =>
        escalator.EscalateAsync(message, session, bus, cancellationToken);
}

/// <summary>Moves an unacknowledged call to the next level of its residence's escalation chain.</summary>
public sealed class PriorityCallEscalator
{
    private readonly PriorityCallNotifier _notifier;
    private readonly TimeProvider _clock;
    private readonly ILogger<PriorityCallEscalator> _logger;

    internal PriorityCallEscalator(PriorityCallNotifier notifier, TimeProvider clock, ILogger<PriorityCallEscalator> logger)
    {
        _notifier = notifier;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Appends the escalation and schedules the next timer in the handler's transaction, then
    /// alerts the new level once committed.
    /// </summary>
    public async Task EscalateAsync(EscalatePriorityCall message, IDocumentSession session, IMessageContext bus, CancellationToken cancellationToken)
    {
        var residence = bus.TenantId ?? session.TenantId;
        var stream = await session.Events.FetchForWriting<PriorityCall>(message.CallId, cancellationToken);
        var call = stream.Aggregate;
        if (call is null)
        {
            _logger.LogWarning("Escalation timer for unknown priority call {CallId} in {Residence} ignored", message.CallId, residence);
            return;
        }

        if (!call.AwaitsEscalationFrom(message.ExpectedLevel))
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var settings = await CareSettings.LoadAsync(session, cancellationToken);
        var file = await session.LoadAsync<ResidentCareFile>(call.ResidentId, cancellationToken);
        var step = await EscalationChain.NextAsync(session, settings, call.Level + 1, file, now, cancellationToken);
        var escalated = new PriorityCallEscalated(step.Level, step.Target, step.Targets, now);

        stream.AppendOne(escalated);
        await bus.ScheduleAsync(new EscalatePriorityCall(call.Id, step.Level), now + settings.AcknowledgementDeadline, new DeliveryOptions { TenantId = residence });
        await session.SaveChangesAsync(cancellationToken);

        call.Apply(escalated);
        _logger.LogInformation("Priority call {CallId} in {Residence} escalated to level {Level} ({Target})", call.Id, residence, step.Level, step.Target);
        await _notifier.AlertAsync(residence, call, step, cancellationToken);
        _notifier.PublishUpdate(residence, call);
    }
}
