using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>
/// Turns an activity's recurrence into an RFC 5545 RRULE and expands it with Ical.Net, in
/// Europe/Paris local time, so occurrences keep their wall-clock hour across DST changes.
/// </summary>
internal static class RecurrenceExpansion
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static string? ToRRule(ActivityRecurrence? recurrence)
    {
        if (recurrence is null)
        {
            return null;
        }

        var parts = new List<string>();
        if (recurrence.Frequency == RecurrenceFrequency.Weekly)
        {
            parts.Add("FREQ=WEEKLY");
            parts.Add("BYDAY=" + string.Join(',', (recurrence.Days ?? []).Distinct().Order().Select(day => DayCodes[(int)day])));
        }
        else if (recurrence.DayOfMonth is { } dayOfMonth)
        {
            parts.Add("FREQ=MONTHLY");
            parts.Add($"BYMONTHDAY={dayOfMonth}");
        }
        else
        {
            parts.Add("FREQ=MONTHLY");
            parts.Add($"BYDAY={recurrence.WeekOfMonth}{DayCodes[(int)recurrence.DayOfWeek!.Value]}");
        }

        if (recurrence.Until is { } until)
        {
            // RFC 5545 requires a UTC UNTIL when DTSTART has a TZID: the last local second of that day.
            var lastSecond = AgendaTime.ToUtc(until.ToDateTime(new TimeOnly(23, 59, 59)));
            parts.Add("UNTIL=" + lastSecond.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        }

        if (recurrence.Count is { } count)
        {
            parts.Add($"COUNT={count}");
        }

        return string.Join(';', parts);
    }

    /// <summary>
    /// Lists the local starts the rule produces from <paramref name="firstStart"/> that fall in
    /// [<paramref name="from"/>, <paramref name="to"/>). Without a rule, only the first start.
    /// </summary>
    public static IEnumerable<DateTime> Expand(DateTime firstStart, DateTime firstEnd, ActivityRecurrence? recurrence, DateTime from, DateTime to)
    {
        var rule = ToRRule(recurrence);
        if (rule is null)
        {
            return firstStart >= from && firstStart < to ? [firstStart] : [];
        }

        var calendarEvent = new CalendarEvent
        {
            DtStart = new CalDateTime(firstStart, AgendaTime.TimeZoneId),
            DtEnd = new CalDateTime(firstEnd, AgendaTime.TimeZoneId),
        };
        calendarEvent.RecurrenceRule = new RecurrenceRule(rule);

        var evaluationStart = from > firstStart ? from : firstStart;
        return calendarEvent.GetOccurrences(new CalDateTime(evaluationStart, AgendaTime.TimeZoneId))
            .TakeWhileBefore(new CalDateTime(to, AgendaTime.TimeZoneId))
            .Select(occurrence => DateTime.SpecifyKind(occurrence.Period.StartTime.Value, DateTimeKind.Unspecified))
            .ToList();
    }
}
