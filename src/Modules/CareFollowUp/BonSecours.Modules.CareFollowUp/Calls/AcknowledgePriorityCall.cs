using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Calls;

/// <param name="ByName">The caller's display name, shown to the resident (« vu par Karim »).</param>
internal sealed record AcknowledgePriorityCall(Guid CallId, string ByName) : ICommand<PriorityCallView>;

internal sealed class AcknowledgePriorityCallHandler(
    ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, PriorityCallNotifier notifier, TimeProvider clock)
    : IRequestHandler<AcknowledgePriorityCall, PriorityCallView>
{
    public async Task<PriorityCallView> Handle(AcknowledgePriorityCall command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = sessions.OpenForWrite(nameof(AcknowledgePriorityCall));
        var stream = await PriorityCallRules.LoadForWriteAsync(session, command.CallId, cancellationToken);
        var call = stream.Aggregate!;
        await access.EnsureCanAccessAsync(session, call.ResidentId, "priority-call.acknowledge", cancellationToken);
        EnsureWasAlerted(call);

        var acknowledged = call.Acknowledge(context.UserId, command.ByName, context.Role, now);
        stream.AppendOne(acknowledged);
        await sessions.Bus.PublishAsync(new Contracts.PriorityCallAcknowledged(call.Id, call.IsTest, acknowledged.Level, now - call.RaisedAt));

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            // Someone else changed the call between our read and our commit: say who won.
            await using var reader = sessions.OpenForRead();
            var current = await PriorityCallRules.LoadAsync(reader, command.CallId, cancellationToken);
            throw current.AcknowledgedAt is not null
                ? current.AlreadyAcknowledged()
                : new ConflictException("priority-call.changed", new LocalizedText(
                    "L'appel vient de changer (nouvelle escalade). Réessayez la prise en charge.",
                    "The call has just changed (a new escalation). Try acknowledging again."));
        }

        call.Apply(acknowledged);
        notifier.PublishUpdate(context.ResidenceId, call);
        return PriorityCallView.From(call, now);
    }

    /// <summary>The care team may always answer; a caregiver only once their level has alerted them.</summary>
    private void EnsureWasAlerted(PriorityCall call)
    {
        if (HealthDataAccess.IsCareRole(context.Role))
        {
            return;
        }

        if (context.Role == Roles.Caregiver && Guid.TryParse(context.PersonId, out var caregiverId) && call.WasAlerted(context.UserId, caregiverId))
        {
            return;
        }

        throw new AccessDeniedException("priority-call.not-alerted", new LocalizedText(
            "Vous n'avez pas encore été prévenu de cet appel : seules les personnes prévenues peuvent le prendre en charge.",
            "You have not been alerted about this call yet: only the people alerted can acknowledge it."));
    }
}

internal static class AcknowledgePriorityCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/priority-calls/{callId:guid}/acknowledge", (Guid callId, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var name = http.User.FindFirst(ClaimNames.Name)?.Value is { Length: > 0 } displayName ? displayName : "l'équipe";
                return mediator.Send(new AcknowledgePriorityCall(callId, name), cancellationToken);
            })
            .RequireAuthorization(CarePolicies.CallReaders)
            .WithTags("Appels prioritaires")
            .WithSummary("Prend en charge un appel prioritaire (la première prise en charge l'emporte)");
}
