using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

/// <summary>Sets up residents who live here, and waits until the Residents messages reached the CommunityLife module.</summary>
internal static class CommunityApi
{
    public static async Task<Guid> LivingResidentAsync(this BonSecoursHost host, string residence = BonSecoursHost.ResidenceA, Guid? caregiverId = null)
    {
        var admin = host.ClientFor(Roles.Administrator, residence);
        var residentId = await admin.RegisterResidentAsync();
        var flatId = await admin.RegisterFlatAsync();
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.MoveInAsync(residentId, flatId)).StatusCode);
                if (caregiverId is not null)
                {
                    await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/caregivers", new { caregiverId, consentMethod = "signedForm" });
                }
            }));
        return residentId;
    }

    public static async Task MoveOutAsync(this BonSecoursHost host, Guid residentId)
    {
        var admin = host.ClientFor(Roles.Administrator);
        await host.Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/residents/{residentId}/move-out", new { moveOutDate = "2025-06-30" })).StatusCode)));
    }

    public static HttpClient Resident(this BonSecoursHost host, Guid residentId, string residence = BonSecoursHost.ResidenceA) =>
        host.ClientFor(Roles.Resident, residence, residentId.ToString());

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"Expected {expected} but got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="done"/> holds, for at most <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> PollAsync(this HttpClient client, string path, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var current = await (await client.GetAsync(path)).JsonAsync(HttpStatusCode.OK);
            if (done(current) || DateTime.UtcNow > deadline)
            {
                return current;
            }

            await Task.Delay(250);
        }
    }
}

/// <summary>An open server-sent-event stream whose events are collected in the background.</summary>
internal sealed class SseStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Type, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private Task _reader = Task.CompletedTask;

    /// <summary>Opens the stream and returns once the broker has registered it, so no message sent afterwards is lost.</summary>
    public static async Task<SseStream> OpenAsync(BonSecoursHost host, HttpClient client, string path)
    {
        var broker = host.Services.GetRequiredService<RealtimeBroker>();
        var before = broker.SubscriberCount;
        var stream = new SseStream();
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, stream._stop.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        stream._reader = stream.ReadAsync(response);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (broker.SubscriberCount <= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return stream;
    }

    /// <summary>Waits for the next event of <paramref name="type"/>, skipping others; null after the timeout.</summary>
    public async Task<JsonElement?> NextAsync(string type, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var (eventType, data) = await _events.Reader.ReadAsync(wait.Token);
                if (eventType == type)
                {
                    return data;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task ReadAsync(HttpResponseMessage response)
    {
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            var type = "message";
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    await _events.Writer.WriteAsync((type, JsonDocument.Parse(line["data:".Length..]).RootElement.Clone()));
                    type = "message";
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The test closed the stream.
        }
        catch (IOException)
        {
            // The host stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }
}
