using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Appointments;

/// <summary>Cancels an appointment; its pending reminders are dropped when they fall due.</summary>
internal sealed record CancelAppointment(Guid AppointmentId, long? ExpectedVersion) : ICommand<AppointmentView>;

internal sealed class CancelAppointmentHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<CancelAppointment, AppointmentView>
{
    public async Task<AppointmentView> Handle(CancelAppointment command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(CancelAppointment));
        var current = await session.LoadAsync<MedicalAppointment>(command.AppointmentId, cancellationToken)
            ?? throw AppointmentRules.AppointmentNotFound(command.AppointmentId);
        await access.EnsureCanAccessAsync(session, current.ResidentId, "appointments.cancel", cancellationToken);

        var stream = await session.LoadForWriteAsync<MedicalAppointment>(command.AppointmentId, command.ExpectedVersion, () => AppointmentRules.AppointmentNotFound(command.AppointmentId), cancellationToken);
        var appointment = stream.Aggregate!;
        var events = appointment.Cancel(clock.GetUtcNow());
        stream.AppendMany(events);
        appointment.Cancelled = true;
        appointment.Version = stream.VersionAfter(events.Count);

        var details = await session.LoadAsync<AppointmentDetails>(command.AppointmentId, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return AppointmentView.From(appointment, details);
    }
}

internal static class CancelAppointmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapDelete("/appointments/{appointmentId:guid}", Cancel)
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Annule un rendez-vous médical");
        api.MapPost("/appointments/{appointmentId:guid}/cancel", Cancel)
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Annule un rendez-vous médical (pour les clients sans DELETE)");
    }

    private static async Task<IResult> Cancel(Guid appointmentId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var appointment = await mediator.Send(new CancelAppointment(appointmentId, request.ExpectedVersion()), cancellationToken);
        response.SetETag(appointment.Version);
        return Results.Ok(appointment);
    }
}
