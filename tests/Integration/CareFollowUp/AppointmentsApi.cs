using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CareFollowUp;

/// <summary>Shortcuts for the appointment endpoints and for residents whose care file exists.</summary>
internal static class AppointmentsApi
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Registers a resident who lives here and waits until the CareFollowUp module has stored their care file.</summary>
    public static async Task<Guid> ResidentWithCareFileAsync(this BonSecoursHost host, string residence = BonSecoursHost.ResidenceA)
    {
        var admin = host.ClientFor(Roles.Administrator, residence);
        var residentId = await admin.RegisterResidentAsync();
        var flatId = await admin.RegisterFlatAsync();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => admin.MoveInAsync(residentId, flatId)));
        return residentId;
    }

    /// <summary>Registers a caregiver the resident consented to, and waits for the care file to list them.</summary>
    public static async Task<Guid> ConsentedCaregiverAsync(this BonSecoursHost host, Guid residentId)
    {
        var admin = host.ClientFor(Roles.Administrator);
        var caregiverId = await admin.RegisterCaregiverAsync();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" })));
        return caregiverId;
    }

    public static HttpClient ResidentClient(this BonSecoursHost host, Guid residentId) =>
        host.ClientFor(Roles.Resident, BonSecoursHost.ResidenceA, residentId.ToString());

    /// <summary>Returns a Paris local time string some days ahead, at a fixed hour.</summary>
    public static string LocalInDays(int days, int hour = 14, int minute = 30)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);
        return today.AddDays(days).ToDateTime(new TimeOnly(hour, minute)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Returns the Paris local time (with seconds) of an instant.</summary>
    public static string LocalAt(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static object Body(Guid residentId, string localStart, int durationMinutes = 30, string specialty = "Cardiologie", string? ambiguousTimeChoice = null) => new
    {
        residentId,
        practitioner = "Dr Camille Durand",
        specialty,
        place = "Centre hospitalier d'Arras",
        localStart,
        durationMinutes,
        notes = "Apporter l'ordonnance.",
        needsCompanion = true,
        ambiguousTimeChoice,
    };

    public static Task<HttpResponseMessage> ScheduleAsync(this HttpClient client, Guid residentId, string localStart, int durationMinutes = 30, string? ambiguousTimeChoice = null) =>
        client.PostAsJsonAsync("/api/v1/appointments", Body(residentId, localStart, durationMinutes, ambiguousTimeChoice: ambiguousTimeChoice));

    public static async Task<JsonElement> ScheduledAsync(this HttpClient client, Guid residentId, string localStart, int durationMinutes = 30)
    {
        var response = await client.ScheduleAsync(residentId, localStart, durationMinutes);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
