using System.Diagnostics;
using System.Net;

namespace BonSecours.Benchmarks.AlertLatency;

/// <summary>The measurements of one run: one Host process on its own fresh database.</summary>
internal sealed record RunResult(
    string Name,
    LatencySummary FirstStaffAlert,
    LatencySummary AllStaffAlerts,
    LatencySummary RaiseResponse,
    int MissedAlerts,
    long? PeakWorkingSetKilobytes,
    LoadSummary? Load);

/// <summary>
/// Starts a Host, builds the residence, opens the staff streams, then raises calls one
/// after the other. Each call is acknowledged and closed before the next one, so every
/// raise creates a new call.
/// </summary>
internal sealed class LatencyRun(BenchmarkOptions options, PostgresCluster cluster, string hostAssembly)
{
    private const string Residence = "bench-residence";

    private static readonly WatchedEvents PriorityCallsRaised = new("/api/v1/priority-calls/stream", "priority-call-raised", "callId");

    public async Task<RunResult> ExecuteAsync(string name, int loadClients)
    {
        var tokens = new AccessTokens();
        await using var host = await HostProcess.StartAsync(hostAssembly, await cluster.CreateDatabaseAsync(), tokens.SigningKey);
        try
        {
            return await MeasureAsync(name, loadClients, host, tokens);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Run '{name}' failed: {exception.Message}{Environment.NewLine}Last Host output:{Environment.NewLine}{host.RecentOutput()}", exception);
        }
    }

    private async Task<RunResult> MeasureAsync(string name, int loadClients, HostProcess host, AccessTokens tokens)
    {
        using var api = new ApiClients(host.BaseAddress, tokens, Residence);
        var residence = await ResidenceSetup.CreateAsync(api, options.Residents, options.StaffClients);
        var streams = new List<ArrivalStream>();
        foreach (var userId in residence.StaffUserIds)
        {
            streams.Add(await ArrivalStream.OpenAsync(api.For("care-staff", userId), PriorityCallsRaised));
        }

        using var nurse = api.For("care-staff", residence.StaffUserIds[0]);
        var residents = residence.ResidentIds.Select(id => api.For("resident", $"bench-resident-{id}", id.ToString())).ToList();
        try
        {
            // Warm-up calls are not measured. Every resident raises at least one, which also waits
            // until the care module has seen the move-in.
            var warmupCalls = Math.Max(options.WarmupCalls, residents.Count);
            Console.Error.WriteLine($"[{name}] setup done, {warmupCalls} warm-up calls");
            for (var index = 0; index < warmupCalls; index++)
            {
                await MeasureCallAsync(residents[index % residents.Count], nurse, streams, waitForCareFile: true);
            }

            Console.Error.WriteLine($"[{name}] measuring {options.Calls} calls with {loadClients} background clients");
            var load = loadClients > 0
                ? BackgroundLoad.Start(api, residence.ResidentIds, loadClients, TimeSpan.FromSeconds(options.LoadMaxSeconds), options.LoadMaxRequestsPerClient)
                : null;
            var measurements = new List<CallMeasurement>();
            for (var index = 0; index < options.Calls; index++)
            {
                measurements.Add(await MeasureCallAsync(residents[index % residents.Count], nurse, streams, waitForCareFile: false));
            }

            var loadSummary = load is null ? null : await load.StopAsync();
            var received = measurements.Where(measurement => measurement.AlertsReceived).ToList();
            return new RunResult(
                name,
                LatencySummary.From(received.Select(measurement => measurement.FirstAlertMilliseconds).ToList()),
                LatencySummary.From(received.Select(measurement => measurement.AllAlertsMilliseconds).ToList()),
                LatencySummary.From(measurements.Select(measurement => measurement.ResponseMilliseconds).ToList()),
                measurements.Count - received.Count,
                host.PeakWorkingSetKilobytes(),
                loadSummary);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }

            residents.ForEach(client => client.Dispose());
        }
    }

    private async Task<CallMeasurement> MeasureCallAsync(HttpClient resident, HttpClient nurse, List<ArrivalStream> streams, bool waitForCareFile)
    {
        var (callId, startedAt, respondedAt) = await RaiseAsync(resident, waitForCareFile);
        var measurement = new CallMeasurement(LatencySummary.Milliseconds(startedAt, respondedAt));
        try
        {
            var arrivals = await Task.WhenAll(streams.Select(stream => stream.ArrivalAsync(callId)))
                .WaitAsync(TimeSpan.FromSeconds(options.AlertTimeoutSeconds));
            measurement = measurement with
            {
                AlertsReceived = true,
                FirstAlertMilliseconds = LatencySummary.Milliseconds(startedAt, arrivals.Min()),
                AllAlertsMilliseconds = LatencySummary.Milliseconds(startedAt, arrivals.Max()),
            };
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"Timed out after {options.AlertTimeoutSeconds} s waiting for the alert of call {callId} on every staff stream, so it counts as missed.");
        }

        streams.ForEach(stream => stream.Forget(callId));
        await nurse.SendJsonAsync(HttpMethod.Post, $"/api/v1/priority-calls/{callId}/acknowledge", null, HttpStatusCode.OK);
        await nurse.SendJsonAsync(HttpMethod.Post, $"/api/v1/priority-calls/{callId}/close", new { outcome = "helpGiven" }, HttpStatusCode.OK);
        return measurement;
    }

    /// <summary>
    /// Sends the resident's POST and returns the new call's id with the timestamps taken just
    /// before the request and just after its response. With <paramref name="waitForCareFile"/>,
    /// a rejection is retried for up to 60 s, because the care module learns of a move-in
    /// through an asynchronous message.
    /// </summary>
    private static async Task<(Guid CallId, long StartedAt, long RespondedAt)> RaiseAsync(HttpClient resident, bool waitForCareFile)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var startedAt = Stopwatch.GetTimestamp();
            using var response = await resident.PostAsync("/api/v1/priority-calls", null);
            var respondedAt = Stopwatch.GetTimestamp();
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var call = System.Text.Json.JsonDocument.Parse(body);
                return (call.RootElement.GetProperty("id").GetGuid(), startedAt, respondedAt);
            }

            if (!waitForCareFile || DateTime.UtcNow > deadline)
            {
                throw new HttpRequestException($"POST /api/v1/priority-calls returned {(int)response.StatusCode} instead of 201: {body}");
            }

            await Task.Delay(200);
        }
    }

    private sealed record CallMeasurement(double ResponseMilliseconds)
    {
        public bool AlertsReceived { get; init; }

        public double FirstAlertMilliseconds { get; init; }

        public double AllAlertsMilliseconds { get; init; }
    }
}
