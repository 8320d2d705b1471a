using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Games;

internal sealed record GameInvitationRequest(GameKind? Kind, Guid Opponent);

internal sealed record InviteToGame(GameKind? Kind, Guid OpponentId) : ICommand<GameView>;

internal sealed class InviteToGameValidator : AbstractValidator<InviteToGame>
{
    public InviteToGameValidator()
    {
        RuleFor(command => command.Kind).NotNull()
            .Says("Choisissez un jeu : « connectFour » (Puissance 4) ou « memory » (Memory).", "Choose a game: connectFour or memory.")
            .Named("jeu", "kind");
        RuleFor(command => command.OpponentId).NotEmpty().Named("adversaire", "opponent");
    }
}

/// <summary>The signed-in resident invites another resident who lives here to a game; the inviter moves first.</summary>
internal sealed class InviteToGameHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock, GameNotifier notifier)
    : IRequestHandler<InviteToGame, GameView>
{
    public async Task<GameView> Handle(InviteToGame command, CancellationToken cancellationToken)
    {
        var inviterId = GamePlayers.SignedInResident(context);
        if (command.OpponentId == inviterId)
        {
            throw new DomainRuleException("game.self-invitation", new LocalizedText(
                "Vous ne pouvez pas jouer contre vous-même. Invitez une autre personne.",
                "You cannot play against yourself. Invite someone else."));
        }

        await using var session = sessions.OpenForWrite(nameof(InviteToGame));
        await GamePlayers.EnsureLivesHereAsync(session, inviterId, cancellationToken);
        await GamePlayers.EnsureLivesHereAsync(session, command.OpponentId, cancellationToken);
        await GamePlayers.EnsureNotBlockedAsync(session, inviterId, command.OpponentId, cancellationToken);

        var invited = new GameInvited(Guid.CreateVersion7(), command.Kind!.Value, inviterId, command.OpponentId, inviterId, null, clock.GetUtcNow());
        session.Events.StartStream<GameSession>(invited.GameId, invited);
        await session.SaveChangesAsync(cancellationToken);

        var game = await session.Events.AggregateStreamAsync<GameSession>(invited.GameId, token: cancellationToken);
        var names = await GameView.LoadNamesAsync(session, [game!], cancellationToken);
        notifier.Publish(context.ResidenceId, "game-invited", game!, names);
        return GameView.Of(game!, names);
    }
}

internal static class InviteToGameEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/games", async (GameInvitationRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var game = await mediator.Send(new InviteToGame(body.Kind, body.Opponent), cancellationToken);
                return TypedResults.Created($"/api/v1/games/{game.Id}", game);
            })
            .WithTags("Jeux")
            .WithSummary("Le résident connecté invite un autre résident à une partie de Puissance 4 ou de Memory");
}
