using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace BonSecours.Tests.Integration.Residents;

/// <summary>Shortcuts for the Residents endpoints, so tests read as steps.</summary>
internal static class ResidentsApi
{
    public static async Task<Guid> RegisterResidentAsync(this HttpClient client, string firstName = "Jeanne", string lastName = "Martin", string category = "senior")
    {
        var response = await client.PostAsJsonAsync("/api/v1/residents", new { firstName, lastName, birthDate = "1942-03-15", category });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> RegisterFlatAsync(this HttpClient client, string? number = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/flats", new { number = number ?? $"F{Random.Shared.Next(100_000)}", floor = 1, rooms = 2, stepFreeAccess = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> RegisterCaregiverAsync(this HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/caregivers", new { firstName = "Paul", lastName = "Martin", kind = "caregiver", relationship = "fils" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> MoveInAsync(this HttpClient client, Guid residentId, Guid flatId, string date = "2025-01-10") =>
        client.PostAsJsonAsync($"/api/v1/residents/{residentId}/move-in", new { flatId, moveInDate = date });

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json, string? language = null) =>
        client.SendRawAsync(HttpMethod.Post, path, json, language);

    public static async Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string json, string? language = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutPreferencesAsync(this HttpClient client, Guid residentId, string textSize, string? ifMatch = null) =>
        client.SendRawAsync(HttpMethod.Put, $"/api/v1/residents/{residentId}/preferences",
            JsonSerializer.Serialize(new { textSize, highContrast = true, easyRead = false, readAloud = false }), ifMatch: ifMatch);

    /// <summary>Reads a problem response and checks its media type.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Text(this JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
}
