using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Features.RegisterResident;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.RegisterCaregiver;

/// <summary>Registers a caregiver; <c>Reference</c> is their id in the landlord's identity provider, if known.</summary>
internal sealed record RegisterCaregiver(string FirstName, string LastName, CaregiverKind Kind, string Relationship, string? Phone, string? Email, string? Reference = null) : ICommand<WriteResult>;

internal sealed record CaregiverView(Guid Id, string FirstName, string LastName, CaregiverKind Kind, string Relationship, string? Phone, string? Email);

internal sealed record ListCaregivers : IQuery<IReadOnlyList<CaregiverView>>;

internal sealed class RegisterCaregiverValidator : AbstractValidator<RegisterCaregiver>
{
    public RegisterCaregiverValidator()
    {
        this.ForName(command => command.FirstName, command => command.LastName);
        this.ForContact(command => command.Phone, command => command.Email);
        RuleFor(command => command.Kind).IsInEnum().Named("type", "kind");
        RuleFor(command => command.Relationship).NotEmpty().MaximumLength(80).Named("lien avec le résident", "relationship");
        RuleFor(command => command.Reference).MaximumLength(80).Named("référence", "reference");
    }
}

internal sealed class RegisterCaregiverHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context)
    : IRequestHandler<RegisterCaregiver, WriteResult>, IRequestHandler<ListCaregivers, IReadOnlyList<CaregiverView>>
{
    public async Task<WriteResult> Handle(RegisterCaregiver command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RegisterCaregiver));
        var caregiverId = string.IsNullOrWhiteSpace(command.Reference)
            ? Guid.CreateVersion7()
            : CaregiverIds.For(context.ResidenceId, command.Reference);

        session.Events.StartStream<Caregiver>(caregiverId, new CaregiverRegistered(caregiverId, command.Kind));
        var firstName = PersonName.Normalize(command.FirstName);
        var lastName = PersonName.Normalize(command.LastName);
        session.Store(new CaregiverPersonalDetails
        {
            Id = caregiverId,
            FirstName = firstName,
            LastName = lastName,
            Relationship = command.Relationship.Trim(),
            Phone = FrenchPhoneNumber.TryNormalize(command.Phone, out var phone) ? phone : null,
            Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
        });
        await sessions.Bus.PublishAsync(new Contracts.CaregiverDisplayNameSet(caregiverId, CommunityDisplayName.Of(firstName, lastName), command.Kind.ToString()));

        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(caregiverId, 1);
    }

    public async Task<IReadOnlyList<CaregiverView>> Handle(ListCaregivers query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var caregivers = await session.Query<Caregiver>().ToListAsync(cancellationToken);
        var details = (await session.Query<CaregiverPersonalDetails>().ToListAsync(cancellationToken)).ToDictionary(person => person.Id);
        return caregivers
            .Where(caregiver => details.ContainsKey(caregiver.Id))
            .Select(caregiver => details[caregiver.Id] is var person
                ? new CaregiverView(caregiver.Id, person.FirstName, person.LastName, caregiver.Kind, person.Relationship,
                    person.Phone is null ? null : FrenchPhoneNumber.Display(person.Phone), person.Email)
                : null!)
            .OrderBy(view => PersonName.Key($"{view.LastName} {view.FirstName}"), StringComparer.Ordinal)
            .ToList();
    }
}

internal static class CaregiverIds
{
    public static Guid For(string residenceId, string reference) => DeterministicGuid.Create(residenceId, "caregiver", reference.Trim());
}

internal static class RegisterCaregiverEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/caregivers", async (RegisterCaregiver command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                response.SetETag(result.Version);
                return Results.Created($"/api/v1/caregivers/{result.Id}", result);
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .WithMetadata(new IdempotentEndpointMetadata())
            .WithTags("Aidants")
            .WithSummary("Enregistre un aidant ou un référent");

        api.MapGet("/caregivers", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListCaregivers(), cancellationToken))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Aidants")
            .WithSummary("Liste les aidants et référents");
    }
}
