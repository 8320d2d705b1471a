using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace BonSecours.Benchmarks.AlertLatency;

/// <summary>
/// One staff member's open <c>GET /api/v1/priority-calls/stream</c>. It stamps each
/// <c>priority-call-raised</c> event with <see cref="Stopwatch.GetTimestamp"/> as soon as the
/// event is parsed, keyed by call id, whether or not anyone waits for that call yet.
/// </summary>
internal sealed class AlertStream : IAsyncDisposable
{
    private const string RaisedEvent = "priority-call-raised";

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _arrivals = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client;
    private Task _reading = Task.CompletedTask;
    private Exception? _failure;

    private AlertStream(HttpClient client) => _client = client;

    /// <summary>Opens the stream and returns once the Host has sent its <c>connected</c> event.</summary>
    public static async Task<AlertStream> OpenAsync(HttpClient client)
    {
        var stream = new AlertStream(client);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stream._reading = Task.Run(() => stream.ReadAsync(connected));
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return stream;
    }

    /// <summary>Returns the timestamp at which the alert for <paramref name="callId"/> arrived, waiting for it if needed.</summary>
    public Task<long> ArrivalAsync(Guid callId) =>
        _failure is null ? Source(callId).Task : Task.FromException<long>(_failure);

    public void Forget(Guid callId) => _arrivals.TryRemove(callId, out _);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
            // The stream was closed on purpose.
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(TaskCompletionSource connected)
    {
        try
        {
            using var response = await _client.GetAsync("/api/v1/priority-calls/stream", HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
            {
                var arrivedAt = Stopwatch.GetTimestamp();
                if (item.EventType == "connected")
                {
                    connected.TrySetResult();
                }
                else if (item.EventType == RaisedEvent)
                {
                    using var payload = JsonDocument.Parse(item.Data);
                    Source(payload.RootElement.GetProperty("callId").GetGuid()).TrySetResult(arrivedAt);
                }
            }

            throw new IOException("The Host closed the priority-call stream.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            // Fail the open and every pending wait, so the benchmark stops with this cause instead of timing out.
            _failure = exception;
            connected.TrySetException(exception);
            foreach (var pending in _arrivals.Values)
            {
                pending.TrySetException(exception);
            }

            throw;
        }
    }

    private TaskCompletionSource<long> Source(Guid callId) =>
        _arrivals.GetOrAdd(callId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
