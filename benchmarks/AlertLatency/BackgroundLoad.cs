using System.Diagnostics;
using System.Text.Json;

namespace BonSecours.Benchmarks.AlertLatency;

/// <summary>Requests the background clients sent, and how many of them failed.</summary>
internal sealed record LoadSummary(int Clients, long Requests, long Failures, TimeSpan Duration)
{
    public double RequestsPerSecond => Duration.TotalSeconds > 0 ? Requests / Duration.TotalSeconds : 0;
}

/// <summary>
/// A fixed number of concurrent administrator clients that cycle through a resident-directory
/// search, an accessibility-preference write and a flat listing, one request at a time each.
/// Every client stops on its own after <c>maxRequests</c> requests or <c>maxDuration</c>,
/// whichever comes first, or earlier when <see cref="StopAsync"/> is called.
/// </summary>
internal sealed class BackgroundLoad
{
    private static readonly string[] Searches = ["banc", "jeanne", "banca", "b", "léa"];

    private readonly CancellationTokenSource _stop;
    private readonly List<Task<(long Requests, long Failures)>> _workers = [];
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly int _clients;

    private BackgroundLoad(int clients, TimeSpan maxDuration)
    {
        _clients = clients;
        _stop = new CancellationTokenSource(maxDuration);
    }

    public static BackgroundLoad Start(ApiClients api, IReadOnlyList<Guid> residentIds, int clients, TimeSpan maxDuration, int maxRequests)
    {
        var load = new BackgroundLoad(clients, maxDuration);
        for (var index = 0; index < clients; index++)
        {
            var client = api.For("admin", $"bench-load-{index}");
            var residentId = residentIds[index % residentIds.Count];
            load._workers.Add(Task.Run(() => RunClientAsync(client, residentId, index, maxRequests, load._stop.Token)));
        }

        return load;
    }

    public async Task<LoadSummary> StopAsync()
    {
        await _stop.CancelAsync();
        var results = await Task.WhenAll(_workers);
        _elapsed.Stop();
        _stop.Dispose();
        return new LoadSummary(_clients, results.Sum(result => result.Requests), results.Sum(result => result.Failures), _elapsed.Elapsed);
    }

    private static async Task<(long Requests, long Failures)> RunClientAsync(
        HttpClient client, Guid residentId, int seed, int maxRequests, CancellationToken stop)
    {
        long requests = 0;
        long failures = 0;
        using (client)
        {
            while (requests < maxRequests && !stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await SendAsync(client, residentId, seed + requests, stop);
                    requests++;
                    if (!response.IsSuccessStatusCode)
                    {
                        failures++;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (HttpRequestException)
                {
                    requests++;
                    failures++;
                }
            }
        }

        return (requests, failures);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid residentId, long step, CancellationToken stop) =>
        (step % 3) switch
        {
            0 => client.GetAsync($"/api/v1/residents?search={Uri.EscapeDataString(Searches[step % Searches.Length])}&limit=20", stop),
            1 => client.PutAsync($"/api/v1/residents/{residentId}/preferences", JsonContent(step), stop),
            _ => client.GetAsync("/api/v1/flats", stop),
        };

    private static StringContent JsonContent(long step) =>
        new(JsonSerializer.Serialize(new
        {
            textSize = (step / 3 % 3) switch { 0 => "normal", 1 => "large", _ => "extraLarge" },
            highContrast = step % 2 == 0,
            easyRead = true,
            readAloud = false,
        }), System.Text.Encoding.UTF8, "application/json");
}
