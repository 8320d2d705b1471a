using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record BlockView(Participant Blocked, DateTimeOffset BlockedAt);

internal sealed record BlockParticipant(Participant? Participant) : ICommand<BlockView>;

internal sealed class BlockParticipantValidator : AbstractValidator<BlockParticipant>
{
    public BlockParticipantValidator() =>
        RuleFor(command => command.Participant)
            .Must(participant => participant is not null && Enum.IsDefined(participant.Kind) && participant.IsWellFormed())
            .Says("Indiquez la personne : son type (resident, caregiver ou staff) et son identifiant.", "Give the person: their kind (resident, caregiver or staff) and their id.")
            .Named("personne", "participant");
}

/// <summary>Lets a resident block someone; blocking twice keeps the first block.</summary>
internal sealed class BlockParticipantHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<BlockParticipant, BlockView>
{
    public async Task<BlockView> Handle(BlockParticipant command, CancellationToken cancellationToken)
    {
        if (context.Role != Roles.Resident)
        {
            throw new AccessDeniedException("messaging.residents-only", new LocalizedText(
                "Seuls les résidents peuvent bloquer quelqu'un.",
                "Only residents may block someone."));
        }

        var blocker = access.Caller();
        var blocked = command.Participant!.Normalized();
        if (blocked.Key == blocker.Key)
        {
            throw new DomainRuleException("messaging.self-block", new LocalizedText(
                "Vous ne pouvez pas vous bloquer vous-même.",
                "You cannot block yourself."));
        }

        await using var session = sessions.OpenForWrite(nameof(BlockParticipant));
        var id = ParticipantBlock.IdOf(blocker, blocked);
        var block = await session.LoadAsync<ParticipantBlock>(id, cancellationToken);
        if (block is null)
        {
            block = new ParticipantBlock { Id = id, BlockerKey = blocker.Key, BlockedKey = blocked.Key, BlockedAt = clock.GetUtcNow() };
            session.Store(block);
            await session.SaveChangesAsync(cancellationToken);
        }

        return new BlockView(blocked, block.BlockedAt);
    }
}

internal static class BlockParticipantEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/blocks", (ParticipantBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new BlockParticipant(body.Participant), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Le résident connecté bloque une personne : elle ne peut plus lui écrire");
}
