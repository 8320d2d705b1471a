using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Calls;

internal sealed record CloseCallBody(CallOutcome? Outcome);

internal sealed record ClosePriorityCall(Guid CallId, CallOutcome? Outcome) : ICommand<PriorityCallView>;

internal sealed class ClosePriorityCallValidator : AbstractValidator<ClosePriorityCall>
{
    public ClosePriorityCallValidator() =>
        RuleFor(command => command.Outcome).NotNull().IsInEnum().Named("issue de l'appel", "call outcome");
}

internal sealed class ClosePriorityCallHandler(
    ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, PriorityCallNotifier notifier, TimeProvider clock)
    : IRequestHandler<ClosePriorityCall, PriorityCallView>
{
    public async Task<PriorityCallView> Handle(ClosePriorityCall command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = sessions.OpenForWrite(nameof(ClosePriorityCall));
        var stream = await PriorityCallRules.LoadForWriteAsync(session, command.CallId, cancellationToken);
        var call = stream.Aggregate!;
        await access.EnsureCanAccessAsync(session, call.ResidentId, "priority-call.close", cancellationToken);

        var closed = call.Close(command.Outcome!.Value, context.UserId, now);
        stream.AppendOne(closed);
        session.Delete<OpenPriorityCall>(call.ResidentId);
        await sessions.Bus.PublishAsync(new Contracts.PriorityCallClosed(call.Id, call.IsTest, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(closed.Outcome.ToString()), now));
        await session.SaveChangesAsync(cancellationToken);

        call.Apply(closed);
        notifier.PublishUpdate(context.ResidenceId, call);
        return PriorityCallView.From(call, now);
    }
}

internal static class ClosePriorityCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/priority-calls/{callId:guid}/close", (Guid callId, CloseCallBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ClosePriorityCall(callId, body.Outcome), cancellationToken))
            .RequireAuthorization(CarePolicies.CareTeam)
            .WithTags("Appels prioritaires")
            .WithSummary("Clôt un appel pris en charge avec son issue");
}
