using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Settings;
using JasperFx;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace BonSecours.Modules.CareFollowUp.Calls;

/// <summary>
/// Marks the one open call of a resident. Its id is the resident id, so a second insert
/// while a call is open fails at commit, even when two presses race.
/// </summary>
internal sealed class OpenPriorityCall
{
    public Guid Id { get; set; }

    public Guid CallId { get; set; }
}

/// <summary>The optional body: staff name the resident; the monthly test sets <c>isTest</c>.</summary>
internal sealed record RaiseCallBody(Guid? ResidentId, bool IsTest);

/// <summary>Raises a call, or returns the resident's open call (<c>Created</c> false).</summary>
internal sealed record RaisePriorityCall(Guid ResidentId, bool IsTest) : ICommand<RaisedCall>;

internal sealed record RaisedCall(PriorityCallView Call, bool Created);

internal sealed class RaisePriorityCallHandler(
    ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, PriorityCallNotifier notifier, TimeProvider clock)
    : IRequestHandler<RaisePriorityCall, RaisedCall>
{
    public async Task<RaisedCall> Handle(RaisePriorityCall command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = sessions.OpenForWrite(nameof(RaisePriorityCall));
        var file = await access.EnsureCanAccessAsync(session, command.ResidentId, "priority-call.raise", cancellationToken);
        if (!file.LivesHere)
        {
            throw new DomainRuleException("priority-call.resident-not-living-here", new LocalizedText(
                "Ce résident n'habite pas (ou plus) dans la résidence : aucun appel prioritaire ne peut être lancé pour lui.",
                "This resident does not (or no longer) live in the residence, so no priority call can be raised for them."));
        }

        if (await FindOpenCallAsync(session, command.ResidentId, now, cancellationToken) is { } open)
        {
            await session.SaveChangesAsync(cancellationToken);
            return new RaisedCall(open, Created: false);
        }

        var settings = await CareSettings.LoadAsync(session, cancellationToken);
        var first = await EscalationChain.NextAsync(session, settings, 0, file, now, cancellationToken);
        var raised = new PriorityCallRaised(Guid.CreateVersion7(), command.ResidentId, command.IsTest, context.UserId, now, file.FlatNumber, file.Floor, first.Targets);
        var call = PriorityCall.Create(raised);

        session.Events.StartStream<PriorityCall>(raised.CallId, raised);
        session.Insert(new OpenPriorityCall { Id = command.ResidentId, CallId = raised.CallId });
        await sessions.Bus.PublishAsync(new Contracts.PriorityCallRaised(raised.CallId, raised.ResidentId, raised.IsTest, raised.RaisedAt));
        await sessions.Bus.ScheduleAsync(
            new EscalatePriorityCall(raised.CallId, 0), now + settings.AcknowledgementDeadline, new DeliveryOptions { TenantId = context.ResidenceId });

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A second press committed first: return its call rather than a duplicate.
            await using var reader = sessions.OpenForRead();
            if (await FindOpenCallAsync(reader, command.ResidentId, now, cancellationToken) is { } other)
            {
                return new RaisedCall(other, Created: false);
            }

            throw;
        }

        await notifier.AlertAsync(context.ResidenceId, call, call.Escalations[0], cancellationToken);
        notifier.PublishUpdate(context.ResidenceId, call);
        return new RaisedCall(PriorityCallView.From(call, now), Created: true);
    }

    private static async Task<PriorityCallView?> FindOpenCallAsync(IQuerySession session, Guid residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = await session.LoadAsync<OpenPriorityCall>(residentId, cancellationToken);
        if (marker is null)
        {
            return null;
        }

        var call = await session.LoadAsync<PriorityCall>(marker.CallId, cancellationToken);
        return call is null ? null : PriorityCallView.From(call, now);
    }
}

internal static class RaisePriorityCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/priority-calls", async (
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RaiseCallBody? body,
                IRequestContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var residentId = ResidentOf(body, context);
                var result = await mediator.Send(new RaisePriorityCall(residentId, body?.IsTest ?? false), cancellationToken);
                return result.Created
                    ? Results.Created($"/api/v1/priority-calls/{result.Call.Id}", result.Call)
                    : Results.Ok(result.Call);
            })
            .RequireAuthorization(CarePolicies.CallRaisers)
            .WithTags("Appels prioritaires")
            .WithSummary("Lance un appel prioritaire (corps vide pour le résident lui-même)");

    /// <summary>A resident always raises their own call; staff must name the resident.</summary>
    private static Guid ResidentOf(RaiseCallBody? body, IRequestContext context)
    {
        if (context.Role == Roles.Resident)
        {
            if (!Guid.TryParse(context.PersonId, out var self))
            {
                throw new AccessDeniedException("priority-call.no-resident", new LocalizedText(
                    "Votre compte n'est lié à aucun résident.", "Your account is not linked to a resident."));
            }

            if (body?.ResidentId is { } named && named != self)
            {
                throw new AccessDeniedException("priority-call.other-resident", new LocalizedText(
                    "Vous pouvez lancer un appel seulement pour vous.", "You can only raise a call for yourself."));
            }

            return self;
        }

        if (body?.ResidentId is not { } residentId || residentId == Guid.Empty)
        {
            var message = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
                ? "Name the resident (residentId) you raise the call for."
                : "Indiquez le résident (« residentId ») pour qui vous lancez l'appel.";
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("residentId", message)]);
        }

        return residentId;
    }
}
