using System.Net;

namespace BonSecours.Benchmarks.AlertLatency;

/// <summary>What the setup created: residents living in their flats, and the care staff on duty.</summary>
internal sealed record BenchmarkResidence(IReadOnlyList<Guid> ResidentIds, IReadOnlyList<string> StaffUserIds);

/// <summary>Builds the benchmark's residence through the public API only, as an administrator would.</summary>
internal static class ResidenceSetup
{
    public const string AdministratorId = "bench-admin";

    public static async Task<BenchmarkResidence> CreateAsync(ApiClients clients, int residents, int staff)
    {
        using var admin = clients.For("admin", AdministratorId);

        // An hour-long deadline keeps escalations out of the measurement: every call is acknowledged long before it.
        await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/care-settings", new
        {
            acknowledgementDeadlineSeconds = 3600,
            escalationChain = new[] { "onDutyStaff", "onCallManager" },
        }, HttpStatusCode.OK);

        var residentIds = new List<Guid>();
        for (var index = 0; index < residents; index++)
        {
            residentIds.Add(await ResidentRegistration.MoveInNewResidentAsync(admin, index));
        }

        var staffUserIds = Enumerable.Range(1, staff).Select(number => $"bench-nurse-{number}").ToList();
        foreach (var userId in staffUserIds)
        {
            await PutOnDutyAsync(admin, userId);
        }

        return new BenchmarkResidence(residentIds, staffUserIds);
    }

    /// <summary>Puts <paramref name="userId"/> on site from an hour ago to two hours from now, in Paris local time.</summary>
    private static async Task PutOnDutyAsync(HttpClient admin, string userId)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime;
        await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/on-call-rota", new
        {
            userId,
            role = "care-staff",
            kind = "onSite",
            startsAt = local.AddHours(-1).ToString("s"),
            endsAt = local.AddHours(2).ToString("s"),
        }, HttpStatusCode.Created);
    }
}
