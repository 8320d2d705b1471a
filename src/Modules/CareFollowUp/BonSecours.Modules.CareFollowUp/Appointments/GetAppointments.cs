using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Appointments;

internal sealed record GetAppointment(Guid AppointmentId) : IQuery<AppointmentView>;

/// <summary>
/// Appointments between two instants. Without a resident, a resident gets their own and care
/// staff get every upcoming appointment of the residence.
/// </summary>
internal sealed record ListAppointments(Guid? ResidentId, DateTimeOffset? From, DateTimeOffset? To) : IQuery<IReadOnlyList<AppointmentView>>;

internal static class AppointmentQueries
{
    /// <summary>Returns the ids of the resident's other appointments, not cancelled, whose time overlaps this one's.</summary>
    public static async Task<IReadOnlyList<Guid>> OverlapsAsync(IQuerySession session, MedicalAppointment appointment, CancellationToken cancellationToken) =>
        await session.Query<MedicalAppointment>()
            .Where(other => other.ResidentId == appointment.ResidentId && other.Id != appointment.Id && !other.Cancelled
                && other.StartsAt < appointment.EndsAt && other.EndsAt > appointment.StartsAt)
            .OrderBy(other => other.StartsAt)
            .Select(other => other.Id)
            .ToListAsync(cancellationToken);
}

internal sealed class GetAppointmentsHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<GetAppointment, AppointmentView>, IRequestHandler<ListAppointments, IReadOnlyList<AppointmentView>>
{
    public async Task<AppointmentView> Handle(GetAppointment query, CancellationToken cancellationToken)
    {
        // A write session, because the access record is stored with the read.
        await using var session = sessions.OpenForWrite(nameof(GetAppointment));
        var appointment = await session.LoadAsync<MedicalAppointment>(query.AppointmentId, cancellationToken)
            ?? throw AppointmentRules.AppointmentNotFound(query.AppointmentId);
        await access.EnsureCanAccessAsync(session, appointment.ResidentId, "appointments.read", cancellationToken);

        var details = await session.LoadAsync<AppointmentDetails>(appointment.Id, cancellationToken);
        var overlaps = appointment.Cancelled ? [] : await AppointmentQueries.OverlapsAsync(session, appointment, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return AppointmentView.From(appointment, details, overlaps);
    }

    public async Task<IReadOnlyList<AppointmentView>> Handle(ListAppointments query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ListAppointments));
        var residentId = query.ResidentId ?? OwnResidentId();
        var from = query.From ?? (residentId is null ? clock.GetUtcNow() : DateTimeOffset.MinValue);
        var to = query.To ?? DateTimeOffset.MaxValue;

        IReadOnlyList<MedicalAppointment> appointments;
        if (residentId is { } id)
        {
            await access.EnsureCanAccessAsync(session, id, "appointments.list", cancellationToken);
            appointments = await session.Query<MedicalAppointment>()
                .Where(appointment => appointment.ResidentId == id && appointment.EndsAt > from && appointment.StartsAt < to)
                .OrderBy(appointment => appointment.StartsAt)
                .ToListAsync(cancellationToken);
        }
        else
        {
            appointments = await session.Query<MedicalAppointment>()
                .Where(appointment => !appointment.Cancelled && appointment.EndsAt > from && appointment.StartsAt < to)
                .OrderBy(appointment => appointment.StartsAt)
                .ToListAsync(cancellationToken);
            foreach (var resident in appointments.Select(appointment => appointment.ResidentId).Distinct())
            {
                access.Record(session, resident, "appointments.list-residence");
            }
        }

        var ids = appointments.Select(appointment => appointment.Id).ToArray();
        var details = (await session.LoadManyAsync<AppointmentDetails>(cancellationToken, ids)).ToDictionary(detail => detail.Id);
        await session.SaveChangesAsync(cancellationToken);
        return appointments
            .Select(appointment => AppointmentView.From(appointment, details.GetValueOrDefault(appointment.Id), OverlapsWithin(appointment, appointments)))
            .ToList();
    }

    /// <summary>
    /// Returns the caller's own resident id, null for care staff (whole residence), and
    /// rejects anyone else who gave no resident.
    /// </summary>
    private Guid? OwnResidentId()
    {
        if (context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var own))
        {
            return own;
        }

        if (HealthDataAccess.IsCareRole(context.Role))
        {
            return null;
        }

        if (context.Role == Roles.Caregiver)
        {
            throw AppointmentRules.ResidentSelectionRequired();
        }

        throw new AccessDeniedException("care.health-data-denied", new LocalizedText(
            "Ces informations de santé sont réservées au résident, à ses aidants autorisés et à l'équipe de soins.",
            "This health data is for the resident, the caregivers they chose and the care team only."));
    }

    private static IReadOnlyList<Guid> OverlapsWithin(MedicalAppointment appointment, IReadOnlyList<MedicalAppointment> all) =>
        appointment.Cancelled
            ? []
            : all.Where(other => other.Id != appointment.Id && other.ResidentId == appointment.ResidentId && other.Overlaps(appointment.StartsAt, appointment.EndsAt))
                .Select(other => other.Id)
                .ToList();
}

internal static class GetAppointmentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/appointments", (Guid? residentId, DateTimeOffset? from, DateTimeOffset? to, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListAppointments(residentId, from, to), cancellationToken))
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Les rendez-vous médicaux d'un résident, ou ceux à venir de la résidence pour l'équipe de soins");

        api.MapGet("/appointments/{appointmentId:guid}", async (Guid appointmentId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var appointment = await mediator.Send(new GetAppointment(appointmentId), cancellationToken);
                response.SetETag(appointment.Version);
                return appointment;
            })
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Un rendez-vous médical");
    }
}
