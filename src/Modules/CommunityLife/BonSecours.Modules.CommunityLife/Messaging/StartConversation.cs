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

internal sealed record StartConversation(Participant? With) : ICommand<OpenedConversation>;

internal sealed class StartConversationValidator : AbstractValidator<StartConversation>
{
    public StartConversationValidator() =>
        RuleFor(command => command.With)
            .Must(with => with is not null && Enum.IsDefined(with.Kind) && with.IsWellFormed())
            .Says("Indiquez la personne : son type (resident, caregiver ou staff) et son identifiant.", "Give the person: their kind (resident, caregiver or staff) and their id.")
            .Named("personne", "participant");
}

/// <summary>
/// Returns, or starts, the one-to-one conversation between the caller and another person.
/// A resident may write to a resident who lives here or to a caregiver they consented to;
/// a caregiver to a resident who consented to them; the coordinator to anyone.
/// </summary>
internal sealed class StartConversationHandler(
    ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, IRequestContext context, TimeProvider clock, StaffRoster staffRoster)
    : IRequestHandler<StartConversation, OpenedConversation>
{
    public async Task<OpenedConversation> Handle(StartConversation command, CancellationToken cancellationToken)
    {
        var caller = access.Caller();
        var other = command.With!.Normalized();
        await using var session = sessions.OpenForWrite(nameof(StartConversation));
        await EnsureMayWriteToAsync(session, caller, other, cancellationToken);
        await MessagingAccess.EnsureNotBlockedAsync(session, caller, other, cancellationToken);

        var id = IdOf(caller, other);
        if (await session.LoadAsync<Conversation>(id, cancellationToken) is { } existing)
        {
            return new OpenedConversation(await ConversationView.LoadAsync(session, existing, cancellationToken), Created: false);
        }

        session.Events.StartStream<Conversation>(id, new ConversationStarted(id, ConversationKind.OneToOne, null, [caller, other], caller, clock.GetUtcNow()));
        staffRoster.RecordCaller(session);
        await session.SaveChangesAsync(cancellationToken);
        var started = await session.LoadAsync<Conversation>(id, cancellationToken);
        return new OpenedConversation(await ConversationView.LoadAsync(session, started!, cancellationToken), Created: true);
    }

    /// <summary>The same two people always share one conversation, whoever started it.</summary>
    public static Guid IdOf(Participant first, Participant second)
    {
        string[] keys = [first.Key, second.Key];
        Array.Sort(keys, StringComparer.Ordinal);
        return DeterministicGuid.Create("one-to-one", keys[0], keys[1]);
    }

    private async Task EnsureMayWriteToAsync(IQuerySession session, Participant caller, Participant other, CancellationToken cancellationToken)
    {
        if (caller.Key == other.Key)
        {
            throw new DomainRuleException("messaging.self-conversation", new LocalizedText(
                "Vous ne pouvez pas vous écrire à vous-même.",
                "You cannot start a conversation with yourself."));
        }

        var allowed = (context.Role, other.Kind) switch
        {
            (Roles.Resident, ParticipantKind.Resident) => await LivesHereAsync(session, other, cancellationToken),
            (Roles.Resident, ParticipantKind.Caregiver) => (await FileOfAsync(session, caller, cancellationToken))?.ConsentedCaregiverIds.Contains(Guid.Parse(other.Id)) == true,
            (Roles.Caregiver, ParticipantKind.Resident) => (await FileOfAsync(session, other, cancellationToken) ?? throw UnknownResident())
                .ConsentedCaregiverIds.Contains(Guid.Parse(caller.Id)),
            (Roles.ActivityCoordinator or Roles.Administrator, ParticipantKind.Resident) => await LivesHereAsync(session, other, cancellationToken),
            (Roles.ActivityCoordinator or Roles.Administrator, _) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new AccessDeniedException("messaging.recipient-not-allowed", new LocalizedText(
                "Vous ne pouvez pas écrire à cette personne ici.",
                "You may not start a conversation with this person."));
        }
    }

    private static async Task<bool> LivesHereAsync(IQuerySession session, Participant resident, CancellationToken cancellationToken) =>
        (await FileOfAsync(session, resident, cancellationToken) ?? throw UnknownResident()).LivesHere;

    private static Task<ResidentCommunityFile?> FileOfAsync(IQuerySession session, Participant resident, CancellationToken cancellationToken) =>
        session.LoadAsync<ResidentCommunityFile>(Guid.Parse(resident.Id), cancellationToken);

    private static NotFoundException UnknownResident() => new("messaging.resident-not-found", new LocalizedText(
        "Cette personne n'habite pas dans cette résidence.",
        "No such resident in this residence."));
}

internal sealed record StartConversationBody(Participant? Participant);

internal static class StartConversationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/conversations", async (StartConversationBody body, IMediator mediator, CancellationToken cancellationToken) =>
                Opened(await mediator.Send(new StartConversation(body.Participant), cancellationToken)))
            .WithTags("Messagerie")
            .WithSummary("Ouvre (ou retrouve) la conversation à deux entre la personne connectée et une autre personne");

    public static IResult Opened(OpenedConversation opened) => opened.Created
        ? TypedResults.Created($"/api/v1/conversations/{opened.Conversation.Id}", opened.Conversation)
        : TypedResults.Ok(opened.Conversation);
}
