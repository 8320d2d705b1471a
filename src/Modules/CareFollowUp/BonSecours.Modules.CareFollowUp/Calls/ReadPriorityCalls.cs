using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Alerts;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Calls;

internal sealed record GetPriorityCall(Guid CallId) : IQuery<PriorityCallView>;

internal sealed class GetPriorityCallHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<GetPriorityCall, PriorityCallView>
{
    public async Task<PriorityCallView> Handle(GetPriorityCall query, CancellationToken cancellationToken)
    {
        // A write session, because the access record is stored with the read.
        await using var session = sessions.OpenForWrite(nameof(GetPriorityCall));
        var call = await PriorityCallRules.LoadAsync(session, query.CallId, cancellationToken);
        await access.EnsureCanAccessAsync(session, call.ResidentId, "priority-call.read", cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return PriorityCallView.From(call, clock.GetUtcNow());
    }
}

/// <summary>Lists the residence's calls; without a status, the calls not closed yet.</summary>
internal sealed record ListPriorityCalls(CallStatus? Status) : IQuery<IReadOnlyList<PriorityCallView>>;

internal sealed class ListPriorityCallsHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<ListPriorityCalls, IReadOnlyList<PriorityCallView>>
{
    public const int MaximumCount = 200;

    public async Task<IReadOnlyList<PriorityCallView>> Handle(ListPriorityCalls query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ListPriorityCalls));
        var calls = query.Status is { } status
            ? session.Query<PriorityCall>().Where(call => call.Status == status)
            : session.Query<PriorityCall>().Where(call => call.Status != CallStatus.Closed);
        var found = await calls.OrderByDescending(call => call.RaisedAt).Take(MaximumCount).ToListAsync(cancellationToken);

        // Only the care team reaches this list, so each read is recorded without a further check.
        foreach (var call in found)
        {
            access.Record(session, call.ResidentId, "priority-call.list");
        }

        await session.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return found.Select(call => PriorityCallView.From(call, now)).ToList();
    }
}

internal static class ReadPriorityCallsEndpoints
{
    /// <summary>Reads <c>open</c>, <c>acknowledged</c> or <c>closed</c>, in any case.</summary>
    private static CallStatus? ParseStatus(string? status) =>
        string.IsNullOrWhiteSpace(status) ? null
        : Enum.TryParse<CallStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new DomainRuleException("priority-call.invalid-status", new LocalizedText(
            $"Statut « {status} » inconnu : utilisez « open », « acknowledged » ou « closed ».",
            $"Unknown status '{status}': use open, acknowledged or closed."));

    private static readonly IReadOnlySet<string> CareTopic = new HashSet<string> { RealtimeAlertChannel.Topic };

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/priority-calls", (string? status, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListPriorityCalls(ParseStatus(status)), cancellationToken))
            .RequireAuthorization(CarePolicies.CareTeam)
            .WithTags("Appels prioritaires")
            .WithSummary("Tableau des appels prioritaires (par défaut ceux qui ne sont pas clos)");

        // Caregivers may listen too: they only receive the alerts addressed to their person id.
        api.MapGet("/priority-calls/stream", (RealtimeBroker broker, IRequestContext context, CancellationToken cancellationToken) =>
                RealtimeStreams.Open(broker, context, CareTopic, cancellationToken))
            .RequireAuthorization(CarePolicies.CallReaders)
            .WithTags("Appels prioritaires")
            .WithSummary("Flux en direct des alertes et du tableau des appels (server-sent events)");

        api.MapGet("/priority-calls/mine/stream", (RealtimeBroker broker, IRequestContext context, CancellationToken cancellationToken) =>
                RealtimeStreams.Open(broker, context, CareTopic, cancellationToken))
            .RequireAuthorization(CarePolicies.Residents)
            .WithTags("Appels prioritaires")
            .WithSummary("Flux en direct de l'état de mon appel (server-sent events)");

        api.MapGet("/priority-calls/{callId:guid}", (Guid callId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetPriorityCall(callId), cancellationToken))
            .RequireAuthorization(CarePolicies.CallReaders)
            .WithTags("Appels prioritaires")
            .WithSummary("Un appel prioritaire, avec un message simple pour le résident");
    }
}
