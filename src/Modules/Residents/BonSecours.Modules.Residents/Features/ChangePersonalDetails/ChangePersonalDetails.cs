using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Features.RegisterResident;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ChangePersonalDetails;

internal sealed record PersonalDetails(string FirstName, string LastName, DateOnly BirthDate, ResidentCategory Category, string? Phone, string? Email);

/// <summary>
/// Replaces a resident's personal details. The event records which fields changed, the
/// values go to the erasable document.
/// </summary>
internal sealed record ChangePersonalDetails(Guid ResidentId, PersonalDetails Details, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class ChangePersonalDetailsValidator : AbstractValidator<ChangePersonalDetails>
{
    public ChangePersonalDetailsValidator()
    {
        RuleFor(command => command.Details).NotNull().Named("données personnelles", "personal details");
        When(command => command.Details is not null, () =>
        {
            this.ForName(command => command.Details.FirstName, command => command.Details.LastName);
            this.ForContact(command => command.Details.Phone, command => command.Details.Email);
            RuleFor(command => command.Details.Category).IsInEnum().Named("catégorie", "category").OverridePropertyName("category");
        });
    }
}

internal sealed class ChangePersonalDetailsHandler(ModuleSessions<IResidentsStore> sessions) : IRequestHandler<ChangePersonalDetails, WriteResult>
{
    public async Task<WriteResult> Handle(ChangePersonalDetails command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ChangePersonalDetails));
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);
        var current = await session.LoadAsync<ResidentPersonalDetails>(command.ResidentId, cancellationToken);

        var input = command.Details;
        var updated = PersonalDetailsFactory.Create(command.ResidentId, input.FirstName, input.LastName, input.BirthDate, input.Phone, input.Email);
        var changedFields = ChangedFields(current, updated);
        var events = new List<object>(stream.Aggregate!.ChangeCategory(input.Category));
        if (changedFields.Length > 0)
        {
            events.Add(new PersonalDetailsChanged(changedFields));
            session.Store(updated);
        }

        if (changedFields.Contains("firstName") || changedFields.Contains("lastName"))
        {
            await sessions.Bus.PublishAsync(new Contracts.ResidentDisplayNameSet(command.ResidentId, CommunityDisplayName.Of(updated.FirstName, updated.LastName)));
        }

        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(events.Count));
    }

    private static string[] ChangedFields(ResidentPersonalDetails? before, ResidentPersonalDetails after) =>
    [
        .. before?.FirstName != after.FirstName ? ["firstName"] : Array.Empty<string>(),
        .. before?.LastName != after.LastName ? ["lastName"] : Array.Empty<string>(),
        .. before?.BirthDate != after.BirthDate ? ["birthDate"] : Array.Empty<string>(),
        .. before?.Phone != after.Phone ? ["phone"] : Array.Empty<string>(),
        .. before?.Email != after.Email ? ["email"] : Array.Empty<string>(),
    ];
}

internal static class ChangePersonalDetailsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/residents/{residentId:guid}/personal-details", async (Guid residentId, PersonalDetails body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new ChangePersonalDetails(residentId, body, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithTags("Résidents")
            .WithSummary("Modifie l'identité et les coordonnées d'un résident (If-Match conseillé)");
}
