using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Rota;

/// <summary>Adds a shift; <paramref name="StartsAt"/> and <paramref name="EndsAt"/> are Paris local times.</summary>
internal sealed record AddRotaShift(string UserId, string Role, ShiftKind Kind, DateTime StartsAt, DateTime EndsAt) : ICommand<RotaShiftView>;

internal sealed class AddRotaShiftValidator : AbstractValidator<AddRotaShift>
{
    public static readonly TimeSpan MaximumLength = TimeSpan.FromDays(7);

    private static readonly string[] ShiftRoles = [Roles.CareStaff, Roles.OnCall, Roles.Administrator];

    public AddRotaShiftValidator()
    {
        RuleFor(command => command.UserId).NotEmpty().MaximumLength(100).Named("identifiant de la personne", "user id");
        RuleFor(command => command.Role).Must(role => ShiftRoles.Contains(role))
            .Says("Le rôle doit être « care-staff », « on-call » ou « admin ».", "The role must be care-staff, on-call or admin.");
        RuleFor(command => command.Kind).IsInEnum().Named("type de service", "shift kind");
        RuleFor(command => command.StartsAt).Must(time => !ParisTime.Zone.IsInvalidTime(time))
            .Says("Cette heure n'existe pas à Paris (passage à l'heure d'été).", "This local time does not exist in Paris (daylight saving change).");
        RuleFor(command => command.EndsAt).Must(time => !ParisTime.Zone.IsInvalidTime(time))
            .Says("Cette heure n'existe pas à Paris (passage à l'heure d'été).", "This local time does not exist in Paris (daylight saving change).");
        RuleFor(command => command.EndsAt).GreaterThan(command => command.StartsAt)
            .Says("La fin du service doit être après son début.", "The shift must end after it starts.");
        RuleFor(command => command).Must(command => command.EndsAt - command.StartsAt <= MaximumLength)
            .WithName("endsAt")
            .Says("Un service dure au plus 7 jours.", "A shift lasts at most 7 days.");
    }
}

internal sealed class AddRotaShiftHandler(ModuleSessions<ICareFollowUpStore> sessions) : IRequestHandler<AddRotaShift, RotaShiftView>
{
    public async Task<RotaShiftView> Handle(AddRotaShift command, CancellationToken cancellationToken)
    {
        var shift = new RotaShift
        {
            Id = Guid.CreateVersion7(),
            UserId = command.UserId.Trim(),
            Role = command.Role,
            Kind = command.Kind,
            StartsAt = ParisTime.ToInstant(command.StartsAt),
            EndsAt = ParisTime.ToInstant(command.EndsAt),
        };

        await using var session = sessions.OpenForWrite(nameof(AddRotaShift));
        session.Store(shift);
        await session.SaveChangesAsync(cancellationToken);
        return RotaShiftView.From(shift);
    }
}

internal static class AddRotaShiftEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/on-call-rota", async (AddRotaShift command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var shift = await mediator.Send(command, cancellationToken);
                return Results.Created($"/api/v1/on-call-rota/{shift.Id}", shift);
            })
            .RequireAuthorization(CarePolicies.CareManagement)
            .WithTags("Astreintes")
            .WithSummary("Ajoute un service au planning d'astreinte (heures de Paris)");
}
