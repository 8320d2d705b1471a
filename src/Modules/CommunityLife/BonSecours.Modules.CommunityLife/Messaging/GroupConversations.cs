using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.People;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <param name="ConversationId">Fixed by the demo data so a restart finds its group. Null creates a new id.</param>
internal sealed record CreateGroupConversation(string? Title, IReadOnlyList<Participant>? Participants, Guid? ConversationId = null) : ICommand<ConversationView>;

internal sealed class CreateGroupConversationValidator : AbstractValidator<CreateGroupConversation>
{
    public const int MaxTitleLength = 100;
    public const int MaxParticipants = 200;

    public CreateGroupConversationValidator()
    {
        RuleFor(command => command.Title).NotEmpty().MaximumLength(MaxTitleLength).Named("nom du groupe", "group title");
        RuleFor(command => command.Participants)
            .Must(participants => participants is { Count: <= MaxParticipants } && participants.All(participant => participant is not null && Enum.IsDefined(participant.Kind) && participant.IsWellFormed()))
            .Says($"Donnez au plus {MaxParticipants} membres, chacun avec son type (resident, caregiver ou staff) et son identifiant.",
                $"Give at most {MaxParticipants} members, each with a kind (resident, caregiver or staff) and an id.")
            .Named("membres", "participants");
    }
}

/// <summary>Creates a group, such as a floor or a club. The coordinator who creates it is a member.</summary>
internal sealed class CreateGroupConversationHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, TimeProvider clock, StaffRoster staffRoster)
    : IRequestHandler<CreateGroupConversation, ConversationView>
{
    public async Task<ConversationView> Handle(CreateGroupConversation command, CancellationToken cancellationToken)
    {
        var coordinator = GroupRules.EnsureCoordinator(access);
        await using var session = sessions.OpenForWrite(nameof(CreateGroupConversation));
        var members = command.Participants!.Select(participant => participant.Normalized()).Prepend(coordinator).DistinctBy(participant => participant.Key).ToList();
        foreach (var member in members)
        {
            await GroupRules.EnsureKnownAsync(session, member, cancellationToken);
        }

        var id = command.ConversationId ?? Guid.CreateVersion7();
        session.Events.StartStream<Conversation>(id, new ConversationStarted(id, ConversationKind.Group, command.Title!.Trim(), members, coordinator, clock.GetUtcNow()));
        staffRoster.RecordCaller(session);
        await session.SaveChangesAsync(cancellationToken);
        return await ConversationView.LoadAsync(session, (await session.LoadAsync<Conversation>(id, cancellationToken))!, cancellationToken);
    }
}

internal sealed record AddParticipant(Guid ConversationId, Participant? Participant) : ICommand<ConversationView>;

internal sealed class AddParticipantValidator : AbstractValidator<AddParticipant>
{
    public AddParticipantValidator() =>
        RuleFor(command => command.Participant)
            .Must(participant => participant is not null && Enum.IsDefined(participant.Kind) && participant.IsWellFormed())
            .Says("Indiquez la personne : son type (resident, caregiver ou staff) et son identifiant.", "Give the person: their kind (resident, caregiver or staff) and their id.")
            .Named("personne", "participant");
}

internal sealed class AddParticipantHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access)
    : IRequestHandler<AddParticipant, ConversationView>
{
    public async Task<ConversationView> Handle(AddParticipant command, CancellationToken cancellationToken)
    {
        var coordinator = GroupRules.EnsureCoordinator(access);
        var member = command.Participant!.Normalized();
        await using var session = sessions.OpenForWrite(nameof(AddParticipant));
        var stream = await session.Events.FetchForWriting<Conversation>(command.ConversationId, cancellationToken);
        var group = GroupRules.EnsureGroup(stream.Aggregate, command.ConversationId);
        await GroupRules.EnsureKnownAsync(session, member, cancellationToken);

        if (!group.Includes(member))
        {
            stream.AppendOne(new ParticipantAdded(group.Id, member, coordinator));
            await session.SaveChangesAsync(cancellationToken);
        }

        return await ConversationView.LoadAsync(session, (await session.LoadAsync<Conversation>(command.ConversationId, cancellationToken))!, cancellationToken);
    }
}

internal sealed record RemoveParticipant(Guid ConversationId, Participant? Participant) : ICommand<ConversationView>;

internal sealed class RemoveParticipantValidator : AbstractValidator<RemoveParticipant>
{
    public RemoveParticipantValidator() =>
        RuleFor(command => command.Participant)
            .Must(participant => participant is not null && participant.IsWellFormed())
            .Says("Indiquez la personne : son type (resident, caregiver ou staff) et son identifiant.", "Give the person: their kind (resident, caregiver or staff) and their id.")
            .Named("personne", "participant");
}

internal sealed class RemoveParticipantHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access)
    : IRequestHandler<RemoveParticipant, ConversationView>
{
    public async Task<ConversationView> Handle(RemoveParticipant command, CancellationToken cancellationToken)
    {
        var coordinator = GroupRules.EnsureCoordinator(access);
        await using var session = sessions.OpenForWrite(nameof(RemoveParticipant));
        var stream = await session.Events.FetchForWriting<Conversation>(command.ConversationId, cancellationToken);
        var group = GroupRules.EnsureGroup(stream.Aggregate, command.ConversationId);

        var member = command.Participant!.Normalized();
        if (group.Includes(member))
        {
            stream.AppendOne(new ParticipantRemoved(group.Id, member, coordinator));
            await session.SaveChangesAsync(cancellationToken);
        }

        return await ConversationView.LoadAsync(session, (await session.LoadAsync<Conversation>(command.ConversationId, cancellationToken))!, cancellationToken);
    }
}

internal static class GroupRules
{
    public static Participant EnsureCoordinator(MessagingAccess access) =>
        access.CallerIsCoordinator ? access.Caller() : throw MessagingAccess.CoordinatorOnly();

    public static Conversation EnsureGroup(Conversation? conversation, Guid conversationId)
    {
        if (conversation is null)
        {
            throw MessagingAccess.NotFound(conversationId);
        }

        return conversation.Kind == ConversationKind.Group
            ? conversation
            : throw new DomainRuleException("messaging.not-a-group", new LocalizedText(
                "On ne peut ajouter ou retirer des membres que dans un groupe.",
                "Members can only be added to or removed from a group conversation."));
    }

    /// <summary>Rejects a resident unknown in this residence (404). Caregiver and staff ids are taken as given.</summary>
    public static async Task EnsureKnownAsync(IQuerySession session, Participant member, CancellationToken cancellationToken)
    {
        if (member.Kind == ParticipantKind.Resident
            && await session.LoadAsync<Residents.ResidentCommunityFile>(Guid.Parse(member.Id), cancellationToken) is null)
        {
            throw new NotFoundException("messaging.resident-not-found", new LocalizedText(
                $"Aucun résident {member.Id} dans cette résidence.",
                $"No resident {member.Id} in this residence."));
        }
    }
}

internal sealed record ParticipantBody(Participant? Participant);

internal static class GroupConversationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/conversations/groups", async (CreateGroupBody body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var group = await mediator.Send(new CreateGroupConversation(body.Title, body.Participants ?? []), cancellationToken);
                return TypedResults.Created($"/api/v1/conversations/{group.Id}", group);
            })
            .WithTags("Messagerie")
            .WithSummary("Crée un groupe de conversation, par exemple un étage ou un club (animatrice)");

        api.MapPost("/conversations/{conversationId:guid}/participants", (Guid conversationId, ParticipantBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new AddParticipant(conversationId, body.Participant), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Ajoute un membre à un groupe (animatrice)");

        api.MapDelete("/conversations/{conversationId:guid}/participants/{kind}/{participantId}",
                (Guid conversationId, string kind, string participantId, IMediator mediator, CancellationToken cancellationToken) =>
                    mediator.Send(new RemoveParticipant(conversationId, Participant.FromRoute(kind, participantId)), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Retire un membre d'un groupe (animatrice)");
    }
}

internal sealed record CreateGroupBody(string? Title, IReadOnlyList<Participant>? Participants);
