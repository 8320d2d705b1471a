using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Reminders;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Appointments;

internal sealed record ScheduleAppointmentBody(
    Guid ResidentId,
    string? Practitioner,
    string? Specialty,
    string? Place,
    string? LocalStart,
    int DurationMinutes,
    string? Notes,
    bool NeedsCompanion,
    string? AmbiguousTimeChoice)
{
    public AppointmentInput Input => new(Practitioner, Specialty, Place, LocalStart, DurationMinutes, Notes, NeedsCompanion, AmbiguousTimeChoice);
}

internal sealed record ScheduleAppointment(Guid ResidentId, AppointmentInput Input) : ICommand<AppointmentView>;

internal sealed class ScheduleAppointmentValidator : AbstractValidator<ScheduleAppointment>
{
    public ScheduleAppointmentValidator()
    {
        RuleFor(command => command.ResidentId).NotEmpty().Named("résident", "resident");
        this.ValidateInput(command => command.Input);
    }
}

internal sealed class ScheduleAppointmentHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<ScheduleAppointment, AppointmentView>
{
    public async Task<AppointmentView> Handle(ScheduleAppointment command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ScheduleAppointment));
        await access.EnsureCanAccessAsync(session, command.ResidentId, "appointments.schedule", cancellationToken);

        var appointmentId = Guid.CreateVersion7();
        var scheduled = new AppointmentScheduled(appointmentId, command.ResidentId, command.Input.StartInstant(), command.Input.DurationMinutes, command.Input.NeedsCompanion);
        var appointment = MedicalAppointment.Create(scheduled);
        appointment.Version = 1;
        var details = command.Input.ToDetails(appointmentId, command.ResidentId);
        var overlaps = await AppointmentQueries.OverlapsAsync(session, appointment, cancellationToken);

        session.Events.StartStream<MedicalAppointment>(appointmentId, scheduled);
        session.Store(details);
        await ReminderDelivery.ScheduleAsync(sessions.Bus, session, command.ResidentId, appointmentId, appointment.Version, appointment.StartsAt, clock.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return AppointmentView.From(appointment, details, overlaps);
    }
}

internal static class ScheduleAppointmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/appointments", async (ScheduleAppointmentBody body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var appointment = await mediator.Send(new ScheduleAppointment(body.ResidentId, body.Input), cancellationToken);
                response.SetETag(appointment.Version);
                return Results.Created($"/api/v1/appointments/{appointment.Id}", appointment);
            })
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Prend un rendez-vous médical pour un résident (le résident, un aidant autorisé, l'équipe de soins)");
}
