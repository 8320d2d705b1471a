using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ListResidents;

internal sealed record DirectoryEntry(Guid Id, string FirstName, string LastName, ResidentCategory Category, ResidencyStatus Status, string? FlatNumber, int? Floor);

internal sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Items, int Total, int Offset, int Limit);

/// <summary>The resident directory, sorted by last then first name, searchable without accents.</summary>
internal sealed record ListResidents(string? Search, ResidentCategory? Category, bool IncludeMovedOut, int Offset, int Limit) : IQuery<DirectoryPage>;

internal sealed class ListResidentsValidator : AbstractValidator<ListResidents>
{
    public ListResidentsValidator()
    {
        RuleFor(query => query.Offset).GreaterThanOrEqualTo(0).Named("décalage", "offset");
        RuleFor(query => query.Limit).InclusiveBetween(1, 500).Named("limite", "limit");
        RuleFor(query => query.Search).MaximumLength(80).Named("recherche", "search");
    }
}

internal sealed class ListResidentsHandler(ModuleSessions<IResidentsStore> sessions) : IRequestHandler<ListResidents, DirectoryPage>
{
    public async Task<DirectoryPage> Handle(ListResidents query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var profiles = session.Query<ResidentProfile>().AsQueryable();
        if (query.Category is { } category)
        {
            profiles = profiles.Where(profile => profile.Category == category);
        }

        if (!query.IncludeMovedOut)
        {
            profiles = profiles.Where(profile => profile.Status != ResidencyStatus.MovedOut);
        }

        var byId = (await profiles.ToListAsync(cancellationToken)).ToDictionary(profile => profile.Id);
        var details = session.Query<ResidentPersonalDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var key = PersonName.Key(query.Search);
            details = details.Where(person => person.NameKey.Contains(key));
        }

        var matches = (await details.OrderBy(person => person.NameKey).ToListAsync(cancellationToken))
            .Where(person => byId.ContainsKey(person.Id))
            .ToList();
        var page = matches.Skip(query.Offset).Take(query.Limit)
            .Select(person => ToEntry(byId[person.Id], person))
            .ToList();
        return new DirectoryPage(page, matches.Count, query.Offset, query.Limit);
    }

    private static DirectoryEntry ToEntry(ResidentProfile profile, ResidentPersonalDetails person) =>
        new(profile.Id, person.FirstName, person.LastName, profile.Category, profile.Status, profile.FlatNumber, profile.Floor);
}

internal static class ListResidentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/residents", (string? search, ResidentCategory? category, bool? includeMovedOut, int? offset, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListResidents(search, category, includeMovedOut ?? false, offset ?? 0, limit ?? 100), cancellationToken))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Résidents")
            .WithSummary("Annuaire des résidents");
}
