using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Appointments;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BonSecours.Modules.CareFollowUp.Calendar;

internal sealed record CalendarFeedLink(Guid ResidentId, string Url);

/// <summary>Creates the resident's calendar feed key, or replaces it so the old URL stops working.</summary>
internal sealed record RenewCalendarFeedKey(Guid ResidentId) : ICommand<CalendarFeedLink>;

internal sealed class RenewCalendarFeedKeyHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<RenewCalendarFeedKey, CalendarFeedLink>
{
    public async Task<CalendarFeedLink> Handle(RenewCalendarFeedKey command, CancellationToken cancellationToken)
    {
        // Staff may read appointments, but the feed URL is the resident's own key.
        if (context.Role is not (Roles.Resident or Roles.Caregiver))
        {
            throw new AccessDeniedException("calendar-feed.denied", new LocalizedText(
                "Seuls le résident et ses aidants autorisés peuvent créer le lien de l'agenda.",
                "Only the resident and the caregivers they chose can create the calendar link."));
        }

        await using var session = sessions.OpenForWrite(nameof(RenewCalendarFeedKey));
        await access.EnsureCanAccessAsync(session, command.ResidentId, "calendar-feed.renew", cancellationToken);

        var key = CalendarFeed.NewKey();
        session.Store(new CalendarFeed { Id = command.ResidentId, Residence = context.ResidenceId, KeyHash = CalendarFeed.Hash(key), RenewedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(cancellationToken);
        return new CalendarFeedLink(command.ResidentId, $"/api/v1/residents/{command.ResidentId}/appointments.ics?key={key}");
    }
}

internal static class CalendarFeedEndpoints
{
    public const string FeedUser = "calendar-feed";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/residents/{residentId:guid}/calendar-feed/renew", (Guid residentId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new RenewCalendarFeedKey(residentId), cancellationToken))
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Crée un nouveau lien d'agenda (iCalendar) pour les rendez-vous ; l'ancien lien ne marche plus");

        api.MapGet("/residents/{residentId:guid}/appointments.ics", ReadFeedAsync)
            .AllowAnonymous()
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Agenda privé des rendez-vous d'un résident, au format iCalendar (clé secrète dans l'URL)");
    }

    /// <summary>
    /// Serves the feed to a calendar app, which has no token: the key is the credential, and
    /// any wrong key gets the same 404 as an unknown resident.
    /// </summary>
    private static async Task<IResult> ReadFeedAsync(Guid residentId, string? key, IServiceProvider services, HttpContext http, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ICareFollowUpStore>();
        CalendarFeed? feed;
        await using (var lookup = store.QuerySession())
        {
            feed = (await lookup.Query<CalendarFeed>().Where(candidate => candidate.AnyTenant() && candidate.Id == residentId).ToListAsync(cancellationToken))
                .FirstOrDefault(candidate => candidate.Accepts(key));
        }

        if (feed is null)
        {
            throw new NotFoundException("calendar-feed.not-found", new LocalizedText(
                "Ce lien d'agenda n'existe pas ou a été remplacé. Demandez un nouveau lien.",
                "This calendar link does not exist or was replaced. Request a new link."));
        }

        services.GetRequiredService<ScopedRequestContext>().Use(new SystemRequestContext(FeedUser, FeedUser, feed.Residence, http.TraceIdentifier));
        var sessions = services.GetRequiredService<ModuleSessions<ICareFollowUpStore>>();
        await using var session = sessions.OpenForWrite("ReadCalendarFeed");
        services.GetRequiredService<HealthDataAccess>().Record(session, residentId, "appointments.calendar-feed");
        var appointments = await session.Query<MedicalAppointment>()
            .Where(appointment => appointment.ResidentId == residentId && !appointment.Cancelled)
            .OrderBy(appointment => appointment.StartsAt)
            .ToListAsync(cancellationToken);
        var details = (await session.LoadManyAsync<AppointmentDetails>(cancellationToken, appointments.Select(appointment => appointment.Id).ToArray()))
            .ToDictionary(detail => detail.Id);
        await session.SaveChangesAsync(cancellationToken);

        var text = AppointmentCalendar.Write(appointments, details);
        return Results.Text(text, "text/calendar; charset=utf-8");
    }
}

internal static class AppointmentCalendar
{
    /// <summary>Writes an RFC 5545 calendar with the Europe/Paris VTIMEZONE and one VEVENT per appointment, times in Paris local time.</summary>
    public static string Write(IReadOnlyList<MedicalAppointment> appointments, IReadOnlyDictionary<Guid, AppointmentDetails> details)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//BonSecours//Rendez-vous//FR" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(ParisTime.TimeZoneId));
        foreach (var appointment in appointments)
        {
            var detail = details.GetValueOrDefault(appointment.Id);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{appointment.Id}@bonsecours",
                DtStart = new CalDateTime(ParisTime.ToLocal(appointment.StartsAt), ParisTime.TimeZoneId),
                DtEnd = new CalDateTime(ParisTime.ToLocal(appointment.EndsAt), ParisTime.TimeZoneId),
                Summary = detail?.Specialty ?? "Rendez-vous médical",
                Location = detail?.Place,
                Description = detail is null ? null : $"Avec {detail.Practitioner}.",
                Sequence = (int)appointment.Version,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
