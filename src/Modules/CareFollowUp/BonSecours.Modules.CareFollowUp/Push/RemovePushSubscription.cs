using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Push;

internal sealed record RemovePushSubscription(string Endpoint) : ICommand<Unit>;

internal sealed class RemovePushSubscriptionValidator : AbstractValidator<RemovePushSubscription>
{
    public RemovePushSubscriptionValidator() => RuleFor(command => command.Endpoint).MustBeAPushEndpoint();
}

/// <summary>Removes the caller's own subscription; removing an unknown one succeeds, so a retry is harmless.</summary>
internal sealed class RemovePushSubscriptionHandler(ModuleSessions<ICareFollowUpStore> sessions, IRequestContext context)
    : IRequestHandler<RemovePushSubscription, Unit>
{
    public async Task<Unit> Handle(RemovePushSubscription command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RemovePushSubscription));
        var subscription = await session.LoadAsync<PushSubscriptionRecord>(PushSubscriptionRules.IdOf(command.Endpoint), cancellationToken);
        if (subscription?.UserId == context.UserId)
        {
            session.Delete(subscription);
            await session.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

internal static class RemovePushSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/push/subscriptions", async (string? endpoint, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RemovePushSubscription(endpoint ?? string.Empty), cancellationToken);
                return Results.NoContent();
            })
            .RequireAuthorization(PushSubscriptionRules.RequireSubscriber)
            .WithTags("Notifications")
            .WithSummary("Désabonne ce navigateur des alertes");
}
