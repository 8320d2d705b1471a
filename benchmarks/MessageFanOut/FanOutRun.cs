using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace BonSecours.Benchmarks.MessageFanOut;

/// <summary>The measurements of one run: one Host process on its own fresh database.</summary>
internal sealed record FanOutResult(
    string Name,
    int Residents,
    int Clients,
    int Messages,
    LatencySummary Deliveries,
    LatencySummary EveryClient,
    LatencySummary PostResponse,
    int MissedDeliveries,
    long? PeakWorkingSetKilobytes);

/// <summary>
/// Starts a Host, registers the residents and has a coordinator create one group with all
/// of them. It then opens the residents' message streams and posts messages one after the
/// other, each by the next resident in turn, and times every delivery to every stream.
/// </summary>
internal sealed class FanOutRun(FanOutOptions options, PostgresCluster cluster, string hostAssembly)
{
    private const string Residence = "bench-residence";
    private const string AdministratorId = "bench-admin";

    private static readonly WatchedEvents MessagesPosted = new("/api/v1/conversations/stream", "message-posted", "id");
    private const string CoordinatorId = "bench-coordinator";

    public async Task<FanOutResult> ExecuteAsync(int clients)
    {
        var name = $"{clients} clients";
        var tokens = new AccessTokens();
        await using var host = await HostProcess.StartAsync(hostAssembly, await cluster.CreateDatabaseAsync(), tokens.SigningKey);
        try
        {
            return await MeasureAsync(name, clients, host, tokens);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Run '{name}' failed: {exception.Message}{Environment.NewLine}Last Host output:{Environment.NewLine}{host.RecentOutput()}", exception);
        }
    }

    private async Task<FanOutResult> MeasureAsync(string name, int clients, HostProcess host, AccessTokens tokens)
    {
        using var api = new ApiClients(host.BaseAddress, tokens, Residence);
        var residentIds = new List<Guid>();
        using (var admin = api.For("admin", AdministratorId))
        {
            for (var index = 0; index < options.Residents; index++)
            {
                residentIds.Add(await ResidentRegistration.MoveInNewResidentAsync(admin, index));
            }
        }

        Console.Error.WriteLine($"[{name}] {residentIds.Count} residents moved in, creating the group");
        var conversationId = await CreateGroupAsync(api, residentIds);

        // Stream i belongs to resident i modulo the number of residents, so more streams than
        // residents means several devices per resident.
        var streams = new List<ArrivalStream>();
        var senders = residentIds.Select(id => api.For("resident", $"bench-resident-{id}", id.ToString())).ToList();
        try
        {
            for (var index = 0; index < clients; index++)
            {
                var residentId = residentIds[index % residentIds.Count];
                streams.Add(await ArrivalStream.OpenAsync(api.For("resident", $"bench-resident-{residentId}", residentId.ToString()), MessagesPosted));
            }

            // Warm-up messages are not measured. Every resident posts at least one, which also waits
            // until CommunityLife has seen their move-in.
            var warmupMessages = Math.Max(options.WarmupMessages, senders.Count);
            Console.Error.WriteLine($"[{name}] {streams.Count} streams open, {warmupMessages} warm-up messages");
            for (var index = 0; index < warmupMessages; index++)
            {
                await MeasureMessageAsync(senders[index % senders.Count], conversationId, streams, waitUntilResidentMayPost: true);
            }

            Console.Error.WriteLine($"[{name}] measuring {options.Messages} messages");
            var measurements = new List<MessageMeasurement>();
            for (var index = 0; index < options.Messages; index++)
            {
                measurements.Add(await MeasureMessageAsync(senders[index % senders.Count], conversationId, streams, waitUntilResidentMayPost: false));
            }

            var delivered = measurements.Where(measurement => measurement.Missed == 0).ToList();
            return new FanOutResult(
                name,
                residentIds.Count,
                clients,
                measurements.Count,
                LatencySummary.From(measurements.SelectMany(measurement => measurement.DeliveryMilliseconds).ToList()),
                LatencySummary.From(delivered.Select(measurement => measurement.DeliveryMilliseconds.Max()).ToList()),
                LatencySummary.From(measurements.Select(measurement => measurement.ResponseMilliseconds).ToList()),
                measurements.Sum(measurement => measurement.Missed),
                host.PeakWorkingSetKilobytes());
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }

            senders.ForEach(client => client.Dispose());
        }
    }

    /// <summary>
    /// The coordinator creates the group with every resident. CommunityLife learns of each
    /// resident through an asynchronous message, so a 404 for a resident not yet known is
    /// retried for up to 60 s.
    /// </summary>
    private static async Task<Guid> CreateGroupAsync(ApiClients api, IReadOnlyList<Guid> residentIds)
    {
        using var coordinator = api.For("activity-coordinator", CoordinatorId);
        var body = new
        {
            title = "Tout l'îlot",
            participants = residentIds.Select(id => new { kind = "resident", id = id.ToString() }).ToList(),
        };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var group = await coordinator.SendJsonAsync(HttpMethod.Post, "/api/v1/conversations/groups", body, HttpStatusCode.Created);
                return group.GetProperty("id").GetGuid();
            }
            catch (HttpRequestException exception) when (exception.Message.Contains(" returned 404 ", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task<MessageMeasurement> MeasureMessageAsync(HttpClient sender, Guid conversationId, List<ArrivalStream> streams, bool waitUntilResidentMayPost)
    {
        var (messageId, startedAt, respondedAt) = await PostAsync(sender, conversationId, waitUntilResidentMayPost);
        var timeout = Task.Delay(TimeSpan.FromSeconds(options.DeliveryTimeoutSeconds));
        var arrivals = await Task.WhenAll(streams.Select(async stream =>
        {
            var arrival = stream.ArrivalAsync(messageId);
            // A stream that failed throws here and stops the run. A stream that is only late counts as missed.
            return await Task.WhenAny(arrival, timeout) == arrival ? await arrival : (long?)null;
        }));

        streams.ForEach(stream => stream.Forget(messageId));
        var missed = arrivals.Count(arrival => arrival is null);
        if (missed > 0)
        {
            Console.Error.WriteLine($"Message {messageId} did not reach {missed} of {streams.Count} streams within {options.DeliveryTimeoutSeconds} s: they count as missed.");
        }

        return new MessageMeasurement(
            LatencySummary.Milliseconds(startedAt, respondedAt),
            arrivals.OfType<long>().Select(arrivedAt => LatencySummary.Milliseconds(startedAt, arrivedAt)).ToList(),
            missed);
    }

    /// <summary>
    /// Sends the resident's POST and returns the new message's id with the timestamps taken just
    /// before the request and just after its response. With <paramref name="waitUntilResidentMayPost"/>,
    /// a 422 (the move-in not yet known to CommunityLife) is retried for up to 60 s.
    /// </summary>
    private static async Task<(Guid MessageId, long StartedAt, long RespondedAt)> PostAsync(HttpClient sender, Guid conversationId, bool waitUntilResidentMayPost)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var path = $"/api/v1/conversations/{conversationId}/messages";
        while (true)
        {
            using var content = System.Net.Http.Json.JsonContent.Create(new { text = "Bonjour à tous ! Le goûter est à 16 h dans la salle commune." });
            // Serialize before the timestamp, so the measurement starts just before the request is sent.
            await content.LoadIntoBufferAsync();
            var startedAt = Stopwatch.GetTimestamp();
            using var response = await sender.PostAsync(path, content);
            var respondedAt = Stopwatch.GetTimestamp();
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var message = JsonDocument.Parse(body);
                return (message.RootElement.GetProperty("id").GetGuid(), startedAt, respondedAt);
            }

            if (!waitUntilResidentMayPost || response.StatusCode != HttpStatusCode.UnprocessableEntity || DateTime.UtcNow > deadline)
            {
                throw new HttpRequestException($"POST {path} returned {(int)response.StatusCode} instead of 201: {body}");
            }

            await Task.Delay(200);
        }
    }

    private sealed record MessageMeasurement(double ResponseMilliseconds, IReadOnlyList<double> DeliveryMilliseconds, int Missed);
}
