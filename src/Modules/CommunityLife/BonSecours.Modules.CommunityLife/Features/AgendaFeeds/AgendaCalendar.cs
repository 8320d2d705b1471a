using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Features.ListResidentRegistrations;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace BonSecours.Modules.CommunityLife.Features.AgendaFeeds;

/// <summary>
/// Builds the RFC 5545 feeds with Ical.Net: times carry TZID=Europe/Paris with its VTIMEZONE,
/// recurring activities are one VEVENT with RRULE, EXDATE for cancelled occurrences, and a
/// RECURRENCE-ID override for each moved one.
/// </summary>
internal static class AgendaCalendar
{
    public const string ProductId = "-//BonSecours//Agenda//FR";

    public static string ForResidence(IEnumerable<Activity> activities, string residence, DateTimeOffset now)
    {
        var calendar = NewCalendar("Agenda de la résidence", now);
        foreach (var activity in activities.Where(activity => !activity.Withdrawn))
        {
            AddActivity(calendar, activity, residence, now);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    public static string ForResident(IEnumerable<ResidentRegistrationView> registrations, Guid residentId, string residence, DateTimeOffset now)
    {
        var calendar = NewCalendar("Mes activités", now);
        foreach (var registration in registrations.Where(registration => registration.Status == Features.RegisterForActivity.RegistrationStatus.Registered))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{OccurrenceRoster.StreamId(registration.ActivityId, DateTime.Parse(registration.OccurrenceStart, System.Globalization.CultureInfo.InvariantCulture)):N}-{residentId:N}@{residence}.bonsecours",
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                Summary = registration.Title,
                Location = registration.Place,
                DtStart = Local(registration.Start),
                DtEnd = Local(registration.End),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static Calendar NewCalendar(string name, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", AgendaTime.TimeZoneId);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(AgendaTime.TimeZoneId, now.UtcDateTime.AddYears(-1), includeHistoricalData: false));
        return calendar;
    }

    private static void AddActivity(Calendar calendar, Activity activity, string residence, DateTimeOffset now)
    {
        var details = activity.Details;
        var uid = $"{activity.Id:N}@{residence}.bonsecours";
        var rule = RecurrenceExpansion.ToRRule(details.Recurrence);
        var master = NewEvent(uid, activity, details.Start, details.End, now);
        if (rule is null)
        {
            var moved = activity.MovedOccurrences.FirstOrDefault();
            if (activity.CancelledStarts.Contains(details.Start))
            {
                return;
            }

            if (moved is not null)
            {
                master.DtStart = Local(moved.Start);
                master.DtEnd = Local(moved.End);
            }

            calendar.Events.Add(master);
            return;
        }

        master.RecurrenceRule = new RecurrenceRule(rule);
        foreach (var cancelled in activity.CancelledStarts.Order())
        {
            master.ExceptionDates.Add(Local(cancelled));
        }

        calendar.Events.Add(master);
        foreach (var moved in activity.MovedOccurrences.Where(moved => !activity.CancelledStarts.Contains(moved.OccurrenceStart)))
        {
            var instance = NewEvent(uid, activity, moved.Start, moved.End, now);
            instance.RecurrenceIdentifier = new RecurrenceIdentifier(Local(moved.OccurrenceStart), null);
            calendar.Events.Add(instance);
        }
    }

    private static CalendarEvent NewEvent(string uid, Activity activity, DateTime start, DateTime end, DateTimeOffset now) => new()
    {
        Uid = uid,
        DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
        Summary = activity.Details.Title,
        Description = activity.Details.EasyReadDescription,
        Location = activity.Details.Place,
        DtStart = Local(start),
        DtEnd = Local(end),
        Sequence = (int)Math.Min(activity.Version, int.MaxValue),
    };

    private static CalDateTime Local(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), AgendaTime.TimeZoneId);
}
