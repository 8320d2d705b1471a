using System.Globalization;

namespace BonSecours.Modules.Services.Domain;

/// <summary>
/// Dates and deadlines of the kiosk in Europe/Paris local time, where the residents live.
/// Every deadline is converted to an instant, so daylight-saving changes move it correctly.
/// </summary>
internal static class KioskCalendar
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);

    public static TimeOnly ParseTime(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Returns the instant after which an order for <paramref name="serviceDate"/> can no longer be placed, changed or cancelled.</summary>
    public static DateTimeOffset CutOffFor(OrderCutOff cutOff, DateOnly serviceDate) =>
        ToInstant(serviceDate.AddDays(-cutOff.DaysBefore), ParseTime(cutOff.At));

    /// <summary>Converts a Paris wall-clock time to an instant. A time skipped by the spring change moves one hour later.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    /// <summary>Says the cut-off in easy-read French, such as « avant 18 h la veille ».</summary>
    public static string DescribeInFrench(OrderCutOff cutOff)
    {
        var time = ParseTime(cutOff.At);
        if (time == TimeOnly.MinValue)
        {
            // Midnight starting the day before is the end of the day before that one.
            return $"avant minuit, {DayInFrench(cutOff.DaysBefore + 1)}";
        }

        var hour = time.Minute == 0 ? $"{time.Hour} h" : $"{time.Hour} h {time.Minute:00}";
        return $"avant {hour} {DayInFrench(cutOff.DaysBefore)}";
    }

    private static string DayInFrench(int daysBefore) => daysBefore switch
    {
        0 => "le jour même",
        1 => "la veille",
        2 => "l'avant-veille",
        var days => $"{days} jours avant",
    };

    public static string DescribeInEnglish(OrderCutOff cutOff) =>
        cutOff.DaysBefore switch
        {
            0 => $"before {cutOff.At} on the same day",
            1 => $"before {cutOff.At} the day before",
            var days => $"before {cutOff.At} {days} days before",
        };
}
