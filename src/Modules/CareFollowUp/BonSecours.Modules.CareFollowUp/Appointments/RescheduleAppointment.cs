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

/// <summary>
/// Moves or edits an appointment. Every change raises the version, so the reminders
/// scheduled for the old version are dropped when they fall due and new ones are scheduled.
/// </summary>
internal sealed record RescheduleAppointment(Guid AppointmentId, AppointmentInput Input, long? ExpectedVersion) : ICommand<AppointmentView>;

internal sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointment>
{
    public RescheduleAppointmentValidator() => this.ValidateInput(command => command.Input);
}

internal sealed class RescheduleAppointmentHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<RescheduleAppointment, AppointmentView>
{
    public async Task<AppointmentView> Handle(RescheduleAppointment command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RescheduleAppointment));
        var current = await session.LoadAsync<MedicalAppointment>(command.AppointmentId, cancellationToken)
            ?? throw AppointmentRules.AppointmentNotFound(command.AppointmentId);
        await access.EnsureCanAccessAsync(session, current.ResidentId, "appointments.reschedule", cancellationToken);

        var stream = await session.LoadForWriteAsync<MedicalAppointment>(command.AppointmentId, command.ExpectedVersion, () => AppointmentRules.AppointmentNotFound(command.AppointmentId), cancellationToken);
        var appointment = stream.Aggregate!;
        var oldDetails = await session.LoadAsync<AppointmentDetails>(command.AppointmentId, cancellationToken);
        var details = command.Input.ToDetails(appointment.Id, appointment.ResidentId);
        var detailsChanged = oldDetails is null
            || oldDetails.Practitioner != details.Practitioner || oldDetails.Specialty != details.Specialty
            || oldDetails.Place != details.Place || oldDetails.Notes != details.Notes;

        var events = appointment.Edit(command.Input.StartInstant(), command.Input.DurationMinutes, command.Input.NeedsCompanion, detailsChanged);
        foreach (var change in events.OfType<AppointmentRescheduled>())
        {
            appointment.Apply(change);
        }

        appointment.Version = stream.VersionAfter(events.Count);
        var overlaps = await AppointmentQueries.OverlapsAsync(session, appointment, cancellationToken);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            session.Store(details);
            if (!appointment.RemindersWithdrawn)
            {
                await ReminderDelivery.ScheduleAsync(sessions.Bus, session, appointment.ResidentId, appointment.Id, appointment.Version, appointment.StartsAt, clock.GetUtcNow(), cancellationToken);
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return AppointmentView.From(appointment, details, overlaps);
    }
}

internal static class RescheduleAppointmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/appointments/{appointmentId:guid}", async (Guid appointmentId, AppointmentInput body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var appointment = await mediator.Send(new RescheduleAppointment(appointmentId, body, request.ExpectedVersion()), cancellationToken);
                response.SetETag(appointment.Version);
                return Results.Ok(appointment);
            })
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Déplace ou modifie un rendez-vous médical (If-Match conseillé)");
}
