using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ListHouseholds;

internal sealed record HouseholdMember(Guid Id, string FirstName, string LastName, ResidentCategory Category);

internal sealed record HouseholdDetails(
    Guid Id, Guid FlatId, string FlatNumber, int Floor, DateOnly FormedOn, DateOnly? EndedOn, bool IsCurrent, IReadOnlyList<HouseholdMember> Members);

/// <summary>The households of the residence, current and ended, optionally of one flat only.</summary>
internal sealed record ListHouseholds(Guid? FlatId) : IQuery<IReadOnlyList<HouseholdDetails>>;

internal sealed record GetHousehold(Guid HouseholdId) : IQuery<HouseholdDetails>;

internal sealed class ListHouseholdsHandler(ModuleSessions<IResidentsStore> sessions, ResidentAccess access)
    : IRequestHandler<ListHouseholds, IReadOnlyList<HouseholdDetails>>, IRequestHandler<GetHousehold, HouseholdDetails>
{
    public async Task<IReadOnlyList<HouseholdDetails>> Handle(ListHouseholds query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var households = session.Query<HouseholdView>().AsQueryable();
        if (query.FlatId is { } flatId)
        {
            households = households.Where(household => household.FlatId == flatId);
        }

        var list = await households
            .OrderBy(household => household.FlatNumber)
            .ThenBy(household => household.FormedOn)
            .ToListAsync(cancellationToken);
        var profiles = await LoadProfilesAsync(session, list.SelectMany(household => household.MemberIds), cancellationToken);
        var names = await LoadNamesAsync(session, profiles.Keys, cancellationToken);
        return list.Select(household => ToDetails(household, profiles, names)).ToList();
    }

    public async Task<HouseholdDetails> Handle(GetHousehold query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var household = await session.LoadAsync<HouseholdView>(query.HouseholdId, cancellationToken)
            ?? throw ResidentRules.HouseholdNotFound(query.HouseholdId);
        var profiles = await LoadProfilesAsync(session, household.MemberIds, cancellationToken);
        access.EnsureCanReadHousehold(household, profiles.Values);

        var names = await LoadNamesAsync(session, profiles.Keys, cancellationToken);
        return ToDetails(household, profiles, names);
    }

    private static async Task<Dictionary<Guid, ResidentProfile>> LoadProfilesAsync(IQuerySession session, IEnumerable<Guid> residentIds, CancellationToken cancellationToken)
    {
        var profiles = await session.LoadManyAsync<ResidentProfile>(cancellationToken, residentIds.Distinct());
        return profiles.ToDictionary(profile => profile.Id);
    }

    private static async Task<Dictionary<Guid, ResidentPersonalDetails>> LoadNamesAsync(IQuerySession session, IEnumerable<Guid> residentIds, CancellationToken cancellationToken)
    {
        var details = await session.LoadManyAsync<ResidentPersonalDetails>(cancellationToken, residentIds);
        return details.ToDictionary(person => person.Id);
    }

    private static HouseholdDetails ToDetails(HouseholdView household, Dictionary<Guid, ResidentProfile> profiles, Dictionary<Guid, ResidentPersonalDetails> names)
    {
        var members = household.MemberIds
            .Where(profiles.ContainsKey)
            .Select(id => ToMember(profiles[id], names.GetValueOrDefault(id)))
            .OrderBy(member => member.LastName, StringComparer.CurrentCulture)
            .ThenBy(member => member.FirstName, StringComparer.CurrentCulture)
            .ToList();
        return new HouseholdDetails(household.Id, household.FlatId, household.FlatNumber, household.Floor, household.FormedOn, household.EndedOn, household.EndedOn is null, members);
    }

    // Erased personal details leave the member listed without a name.
    private static HouseholdMember ToMember(ResidentProfile profile, ResidentPersonalDetails? details) =>
        new(profile.Id, details?.FirstName ?? string.Empty, details?.LastName ?? string.Empty, profile.Category);
}

internal static class ListHouseholdsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/households", (Guid? flatId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListHouseholds(flatId), cancellationToken))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Logements")
            .WithSummary("Liste les foyers, actuels et passés, avec leurs membres");

        api.MapGet("/households/{householdId:guid}", (Guid householdId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetHousehold(householdId), cancellationToken))
            .WithTags("Logements")
            .WithSummary("Un foyer et ses membres (le personnel, les membres du foyer et leurs aidants autorisés)");
    }
}
