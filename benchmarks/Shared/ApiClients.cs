using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BonSecours.Benchmarks.Shared;

/// <summary>HTTP clients for the child Host, one per signed-in identity, sharing one connection pool.</summary>
internal sealed class ApiClients(Uri baseAddress, AccessTokens tokens, string residence) : IDisposable
{
    private readonly SocketsHttpHandler _handler = new();

    public string Residence => residence;

    public HttpClient For(string role, string userId, string? personId = null)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(role, residence, userId, personId));
        return client;
    }

    public void Dispose() => _handler.Dispose();
}

internal static class HttpClientExtensions
{
    /// <summary>Sends <paramref name="body"/> as JSON and returns the JSON response. Any other status than <paramref name="expected"/> throws, with the response body.</summary>
    public static async Task<JsonElement> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{method} {path} returned {(int)response.StatusCode} instead of {(int)expected}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
