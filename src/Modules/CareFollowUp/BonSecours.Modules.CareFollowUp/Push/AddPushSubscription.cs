using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Push;

/// <summary>The keys part of a browser's <c>PushSubscription.toJSON()</c>.</summary>
internal sealed record PushSubscriptionKeys(string P256dh, string Auth);

internal sealed record AddPushSubscription(string Endpoint, PushSubscriptionKeys? Keys) : ICommand<Unit>;

internal sealed class AddPushSubscriptionValidator : AbstractValidator<AddPushSubscription>
{
    public AddPushSubscriptionValidator()
    {
        RuleFor(command => command.Endpoint).MustBeAPushEndpoint();
        RuleFor(command => command.Keys).NotNull().Named("clés", "keys");
        RuleFor(command => command.Keys!.P256dh)
            .Must(value => PushSubscriptionRules.HasDecodedLength(value, 65))
            .Says("La clé p256dh doit être une clé publique P-256 de 65 octets en base64url.", "The p256dh key must be a 65-byte P-256 public key in base64url.")
            .When(command => command.Keys is not null);
        RuleFor(command => command.Keys!.Auth)
            .Must(value => PushSubscriptionRules.HasDecodedLength(value, 16))
            .Says("La clé auth doit faire 16 octets en base64url.", "The auth secret must be 16 bytes in base64url.")
            .When(command => command.Keys is not null);
    }
}

/// <summary>Stores the subscription under the caller; a browser that subscribes again replaces its record.</summary>
internal sealed class AddPushSubscriptionHandler(ModuleSessions<ICareFollowUpStore> sessions, IRequestContext context, TimeProvider clock)
    : IRequestHandler<AddPushSubscription, Unit>
{
    public async Task<Unit> Handle(AddPushSubscription command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(AddPushSubscription));
        session.Store(new PushSubscriptionRecord
        {
            Id = PushSubscriptionRules.IdOf(command.Endpoint),
            UserId = context.UserId,
            Role = context.Role,
            PersonId = context.PersonId,
            Endpoint = command.Endpoint,
            P256dh = command.Keys!.P256dh,
            Auth = command.Keys.Auth,
            SubscribedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class AddPushSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/push/subscriptions", async (AddPushSubscription command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(command, cancellationToken);
                return Results.NoContent();
            })
            .RequireAuthorization(PushSubscriptionRules.RequireSubscriber)
            .WithTags("Notifications")
            .WithSummary("Abonne ce navigateur aux alertes (Web Push)");
}
