using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.Messaging;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.People;

/// <summary>
/// A person the signed-in person may reach, and how: the flags repeat the rules of
/// StartConversation (message), VideoCallReach (call) and InviteToGame (play), so a contact
/// offered here is never refused by those endpoints.
/// </summary>
internal sealed record ContactView(ParticipantKind Kind, string Id, string DisplayName, bool CanMessage, bool CanCall, bool CanPlay);

internal sealed record ListContacts : IQuery<IReadOnlyList<ContactView>>;

/// <summary>
/// Lists the people the caller may reach, sorted by name in French order. People who blocked
/// the caller, or whom the caller blocked, are left out. A resident reaches the other residents
/// who live here, the caregivers they consented to, and the staff known to community life (by
/// video call only, because a resident writes to staff through the coordinator conversation).
/// A caregiver reaches the residents who consented to them. Staff reach every resident who lives
/// here, and only the coordinator and administrators may also write to them. A resident who moved
/// out, and a role that takes no part in community life, get an empty list.
/// </summary>
/// <remarks>
/// NOTE: caregivers get no staff contacts although staff may write to them, because neither
/// StartConversation nor VideoCallReach lets a caregiver reach a staff member first.
/// </remarks>
internal sealed class ListContactsHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context)
    : IRequestHandler<ListContacts, IReadOnlyList<ContactView>>
{
    public async Task<IReadOnlyList<ContactView>> Handle(ListContacts query, CancellationToken cancellationToken)
    {
        if (Participant.Of(context) is not { } caller)
        {
            return [];
        }

        await using var session = sessions.OpenForRead();
        var blocked = await BlockedKeysAsync(session, caller, cancellationToken);
        var contacts = caller.Kind switch
        {
            ParticipantKind.Resident => await ForResidentAsync(session, Guid.Parse(caller.Id), cancellationToken),
            ParticipantKind.Caregiver => await ForCaregiverAsync(session, Guid.Parse(caller.Id), cancellationToken),
            _ => await ForStaffAsync(session, MessagingAccess.IsCoordinator(context.Role), cancellationToken),
        };

        return [.. contacts
            .Where(contact => !blocked.Contains(new Participant(contact.Kind, contact.Id).Key))
            .OrderBy(contact => contact.DisplayName, DisplayNames.FrenchOrder)
            .ThenBy(contact => contact.Id, StringComparer.Ordinal)];
    }

    private static async Task<List<ContactView>> ForResidentAsync(IQuerySession session, Guid residentId, CancellationToken cancellationToken)
    {
        var self = await session.LoadAsync<ResidentCommunityFile>(residentId, cancellationToken);
        if (self is not { LivesHere: true })
        {
            return [];
        }

        var neighbours = await session.Query<ResidentCommunityFile>()
            .Where(file => file.LivesHere && file.Id != residentId)
            .ToListAsync(cancellationToken);
        var caregivers = await session.LoadManyAsync<CaregiverCommunityFile>(cancellationToken, self.ConsentedCaregiverIds);
        var staff = await session.Query<StaffCommunityFile>().ToListAsync(cancellationToken);

        var contacts = neighbours
            .Select(file => new ContactView(ParticipantKind.Resident, file.Id.ToString(), file.DisplayName ?? DisplayNames.UnknownResident, true, true, true))
            .ToList();
        var named = caregivers.ToDictionary(file => file.Id);
        contacts.AddRange(self.ConsentedCaregiverIds.Distinct().Select(id => new ContactView(
            ParticipantKind.Caregiver, id.ToString(), named.TryGetValue(id, out var file) ? DisplayNames.CaregiverLabel(file) : DisplayNames.UnknownCaregiver, true, true, false)));
        contacts.AddRange(staff.Select(member => new ContactView(
            ParticipantKind.Staff, member.Id, DisplayNames.StaffLabel(member.Role, member.Name), false, true, false)));
        return contacts;
    }

    private static async Task<List<ContactView>> ForCaregiverAsync(IQuerySession session, Guid caregiverId, CancellationToken cancellationToken)
    {
        var residents = await session.Query<ResidentCommunityFile>()
            .Where(file => file.LivesHere && file.ConsentedCaregiverIds.Contains(caregiverId))
            .ToListAsync(cancellationToken);
        return [.. residents.Select(file => new ContactView(
            ParticipantKind.Resident, file.Id.ToString(), file.DisplayName ?? DisplayNames.UnknownResident, true, true, false))];
    }

    private static async Task<List<ContactView>> ForStaffAsync(IQuerySession session, bool mayWrite, CancellationToken cancellationToken)
    {
        var residents = await session.Query<ResidentCommunityFile>().Where(file => file.LivesHere).ToListAsync(cancellationToken);
        return [.. residents.Select(file => new ContactView(
            ParticipantKind.Resident, file.Id.ToString(), file.DisplayName ?? DisplayNames.UnknownResident, mayWrite, true, false))];
    }

    /// <summary>The keys of everyone the caller blocked or who blocked the caller.</summary>
    private static async Task<HashSet<string>> BlockedKeysAsync(IQuerySession session, Participant caller, CancellationToken cancellationToken)
    {
        var key = caller.Key;
        var blocks = await session.Query<ParticipantBlock>()
            .Where(block => block.BlockerKey == key || block.BlockedKey == key)
            .ToListAsync(cancellationToken);
        return [.. blocks.Select(block => block.BlockerKey == key ? block.BlockedKey : block.BlockerKey)];
    }
}

internal static class ListContactsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/contacts", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListContacts(), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Liste les personnes que la personne connectée peut joindre (message, appel vidéo, jeu), triées par nom");
}
