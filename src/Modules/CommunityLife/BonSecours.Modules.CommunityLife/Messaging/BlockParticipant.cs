using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.People;
using BonSecours.Modules.CommunityLife.Residents;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record BlockView(ParticipantView Blocked, DateTimeOffset BlockedAt);

internal sealed record BlockParticipant(Participant? Participant) : ICommand<BlockView>;

/// <summary>Lifts the signed-in resident's block on someone; lifting a block that does not exist changes nothing.</summary>
internal sealed record UnblockParticipant(Participant? Participant) : ICommand<Unit>;

/// <summary>The people the signed-in resident blocked, newest first.</summary>
internal sealed record ListBlocks : IQuery<IReadOnlyList<BlockView>>;

internal sealed class BlockParticipantValidator : AbstractValidator<BlockParticipant>
{
    public BlockParticipantValidator() =>
        RuleFor(command => command.Participant)
            .Must(participant => participant is not null && Enum.IsDefined(participant.Kind) && participant.IsWellFormed())
            .Says("Indiquez la personne : son type (resident, caregiver ou staff) et son identifiant.", "Give the person: their kind (resident, caregiver or staff) and their id.")
            .Named("personne", "participant");
}

internal sealed class UnblockParticipantValidator : AbstractValidator<UnblockParticipant>
{
    public UnblockParticipantValidator() =>
        RuleFor(command => command.Participant)
            .Must(participant => participant is not null && participant.Kind != ParticipantKind.Staff && participant.IsWellFormed())
            .Says("Indiquez la personne : son type (resident ou caregiver) et son identifiant.", "Give the person: their kind (resident or caregiver) and their id.")
            .Named("personne", "participant");
}

/// <summary>
/// Lets a resident block another resident or a caregiver; blocking twice keeps the first block.
/// Staff cannot be blocked, so the residence can always reach a resident.
/// </summary>
internal sealed class BlockParticipantHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<BlockParticipant, BlockView>, IRequestHandler<UnblockParticipant, Unit>, IRequestHandler<ListBlocks, IReadOnlyList<BlockView>>
{
    public async Task<BlockView> Handle(BlockParticipant command, CancellationToken cancellationToken)
    {
        var blocker = SignedInResident();
        var blocked = command.Participant!.Normalized();
        if (blocked.Kind == ParticipantKind.Staff)
        {
            throw new DomainRuleException("messaging.staff-block", new LocalizedText(
                "Vous ne pouvez pas bloquer l'équipe de la résidence. Si quelqu'un de l'équipe vous gêne, parlez-en à la gestion de la résidence.",
                "Residents cannot block the residence's staff; a complaint about staff goes to the residence's management."));
        }
        if (blocked.Key == blocker.Key)
        {
            throw new DomainRuleException("messaging.self-block", new LocalizedText(
                "Vous ne pouvez pas vous bloquer vous-même.",
                "You cannot block yourself."));
        }

        await using var session = sessions.OpenForWrite(nameof(BlockParticipant));
        await EnsureKnownAsync(session, blocked, cancellationToken);
        var id = ParticipantBlock.IdOf(blocker, blocked);
        var block = await session.LoadAsync<ParticipantBlock>(id, cancellationToken);
        if (block is null)
        {
            block = new ParticipantBlock { Id = id, BlockerKey = blocker.Key, BlockedKey = blocked.Key, BlockedAt = clock.GetUtcNow() };
            session.Store(block);
            await session.SaveChangesAsync(cancellationToken);
        }

        var names = await ParticipantNames.LoadAsync(session, [blocked], cancellationToken);
        return new BlockView(names.View(blocked), block.BlockedAt);
    }

    public async Task<Unit> Handle(UnblockParticipant command, CancellationToken cancellationToken)
    {
        var blocker = SignedInResident();
        await using var session = sessions.OpenForWrite(nameof(UnblockParticipant));
        session.Delete<ParticipantBlock>(ParticipantBlock.IdOf(blocker, command.Participant!.Normalized()));
        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<IReadOnlyList<BlockView>> Handle(ListBlocks query, CancellationToken cancellationToken)
    {
        var blocker = SignedInResident();
        await using var session = sessions.OpenForRead();
        var blocks = await session.Query<ParticipantBlock>()
            .Where(block => block.BlockerKey == blocker.Key)
            .OrderByDescending(block => block.BlockedAt)
            .ToListAsync(cancellationToken);
        var blocked = blocks.Select(block => Participant.FromKey(block.BlockedKey)).ToList();
        var names = await ParticipantNames.LoadAsync(session, blocked, cancellationToken);
        return [.. blocks.Zip(blocked, (block, participant) => new BlockView(names.View(participant), block.BlockedAt))];
    }

    private Participant SignedInResident()
    {
        if (context.Role != Roles.Resident)
        {
            throw new AccessDeniedException("messaging.residents-only", new LocalizedText(
                "Seuls les résidents peuvent bloquer quelqu'un.",
                "Only residents may block someone."));
        }

        return access.Caller();
    }

    /// <summary>Rejects a block on a resident or caregiver this residence does not know (404).</summary>
    private static async Task EnsureKnownAsync(IQuerySession session, Participant blocked, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(blocked.Id);
        var known = blocked.Kind == ParticipantKind.Resident
            ? await session.LoadAsync<ResidentCommunityFile>(id, cancellationToken) is not null
            : await session.LoadAsync<CaregiverCommunityFile>(id, cancellationToken) is not null;
        if (!known)
        {
            throw new NotFoundException("messaging.person-not-found", new LocalizedText(
                "Cette personne n'existe pas dans la résidence.",
                $"No {blocked.Kind.ToString().ToLowerInvariant()} {blocked.Id} in this residence."));
        }
    }
}

internal static class BlockParticipantEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/blocks", (ParticipantBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new BlockParticipant(body.Participant), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Le résident connecté bloque un résident ou un aidant : il ne peut plus lui écrire, l'appeler ni l'inviter à jouer");

        api.MapGet("/blocks", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListBlocks(), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Les personnes que le résident connecté a bloquées");

        api.MapDelete("/blocks/{kind}/{participantId}", async (string kind, string participantId, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new UnblockParticipant(Participant.FromRoute(kind, participantId)), cancellationToken);
                return Results.NoContent();
            })
            .WithTags("Messagerie")
            .WithSummary("Le résident connecté débloque une personne (kind : resident ou caregiver)");
    }
}
