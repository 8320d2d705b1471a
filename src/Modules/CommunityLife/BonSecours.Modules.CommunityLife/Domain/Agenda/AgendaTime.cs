namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>The residence's wall clock: every agenda time is local to Europe/Paris.</summary>
internal static class AgendaTime
{
    public const string TimeZoneId = "Europe/Paris";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Converts a local wall-clock time to UTC. An ambiguous autumn hour resolves to standard time.</summary>
    public static DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The occurrence key used in URLs and stream ids, such as <c>2027-03-30T14:00</c>.</summary>
    public static string Key(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
