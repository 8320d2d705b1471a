using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ListMyResidents;

internal sealed record AccompaniedResident(Guid Id, string FirstName, string LastName, string? FlatNumber, int? Floor);

/// <summary>
/// The residents who consented to the signed-in caregiver, sorted by last then first name.
/// Read from the profile projection, so a withdrawn consent removes the resident at once.
/// </summary>
internal sealed record ListMyResidents : IQuery<IReadOnlyList<AccompaniedResident>>;

internal sealed class ListMyResidentsHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context)
    : IRequestHandler<ListMyResidents, IReadOnlyList<AccompaniedResident>>
{
    public async Task<IReadOnlyList<AccompaniedResident>> Handle(ListMyResidents query, CancellationToken cancellationToken)
    {
        if (context.Role != Roles.Caregiver || !Guid.TryParse(context.PersonId, out var caregiverId))
        {
            throw new AccessDeniedException("caregiver.not-a-caregiver", new LocalizedText(
                "Votre compte n'est pas celui d'un aidant.",
                "Your account is not a caregiver's account."));
        }

        await using var session = sessions.OpenForRead();
        var profiles = await session.Query<ResidentProfile>()
            .Where(profile => profile.Caregivers.Any(caregiver => caregiver.CaregiverId == caregiverId))
            .ToListAsync(cancellationToken);
        if (profiles.Count == 0)
        {
            return [];
        }

        var ids = profiles.Select(profile => profile.Id).ToArray();
        var details = (await session.LoadManyAsync<ResidentPersonalDetails>(cancellationToken, ids))
            .ToDictionary(person => person.Id);

        // A resident whose personal details were erased still appears, without a name, so the caregiver sees the flat.
        return profiles
            .Select(profile => (Profile: profile, Person: details.GetValueOrDefault(profile.Id)))
            .OrderBy(match => match.Person?.NameKey ?? string.Empty, StringComparer.Ordinal)
            .Select(match => new AccompaniedResident(
                match.Profile.Id,
                match.Person?.FirstName ?? string.Empty,
                match.Person?.LastName ?? string.Empty,
                match.Profile.FlatNumber,
                match.Profile.Floor))
            .ToList();
    }
}

internal static class ListMyResidentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/caregivers/me/residents", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListMyResidents(), cancellationToken))
            .RequireAuthorization(policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(ClaimNames.Residence)
                .RequireClaim(ClaimNames.Role, Roles.Caregiver))
            .WithTags("Aidants")
            .WithSummary("Les résidents qui ont donné leur accord à l'aidant connecté");
}
