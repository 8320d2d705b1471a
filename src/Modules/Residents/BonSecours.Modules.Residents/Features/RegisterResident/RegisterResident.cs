using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.RegisterResident;

internal sealed record RegisterResident(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    ResidentCategory Category,
    string? Phone,
    string? Email,
    string? TenancyReference) : ICommand<WriteResult>;

internal sealed class RegisterResidentValidator : AbstractValidator<RegisterResident>
{
    public RegisterResidentValidator(TimeProvider clock)
    {
        this.ForName(command => command.FirstName, command => command.LastName);
        this.ForContact(command => command.Phone, command => command.Email);
        RuleFor(command => command.BirthDate)
            .InclusiveBetween(new DateOnly(1900, 1, 1), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .Named("date de naissance", "birth date");
        RuleFor(command => command.Category).IsInEnum().Named("catégorie", "category");
        RuleFor(command => command.TenancyReference).MaximumLength(40).Named("référence du bail", "tenancy reference");
    }
}

internal sealed class RegisterResidentHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context)
    : IRequestHandler<RegisterResident, WriteResult>
{
    public async Task<WriteResult> Handle(RegisterResident command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RegisterResident));
        var reference = string.IsNullOrWhiteSpace(command.TenancyReference) ? null : command.TenancyReference.Trim();
        // A resident known to the tenancy system keeps one id, whoever registers them first.
        var residentId = reference is null ? Guid.CreateVersion7() : DeterministicGuid.Create(context.ResidenceId, "resident", reference);

        session.Events.StartStream<Resident>(residentId, Resident.Register(residentId, command.Category, reference));
        var details = PersonalDetailsFactory.Create(residentId, command.FirstName, command.LastName, command.BirthDate, command.Phone, command.Email);
        session.Store(details);
        await sessions.Bus.PublishAsync(new Contracts.ResidentRegistered(residentId, command.Category.ToString()));
        await sessions.Bus.PublishAsync(new Contracts.ResidentDisplayNameSet(residentId, CommunityDisplayName.Of(details.FirstName, details.LastName)));

        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(residentId, 1);
    }
}

internal static class PersonalDetailsFactory
{
    public static ResidentPersonalDetails Create(Guid id, string firstName, string lastName, DateOnly birthDate, string? phone, string? email)
    {
        var first = PersonName.Normalize(firstName);
        var last = PersonName.Normalize(lastName);
        return new ResidentPersonalDetails
        {
            Id = id,
            FirstName = first,
            LastName = last,
            BirthDate = birthDate,
            Phone = FrenchPhoneNumber.TryNormalize(phone, out var e164) ? e164 : null,
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            NameKey = PersonName.Key($"{last} {first}"),
        };
    }
}

internal static class RegisterResidentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/residents", async (RegisterResident command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                response.SetETag(result.Version);
                return Results.Created($"/api/v1/residents/{result.Id}", result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithMetadata(new IdempotentEndpointMetadata())
            .WithTags("Résidents")
            .WithSummary("Enregistre un résident");
}
