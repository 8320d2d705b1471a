using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace BonSecours.Benchmarks.Shared;

/// <summary>The events an <see cref="ArrivalStream"/> stamps.</summary>
/// <param name="Path">The stream's path, for example <c>/api/v1/conversations/stream</c>.</param>
/// <param name="EventType">The event type to stamp, for example <c>message-posted</c>.</param>
/// <param name="IdProperty">The payload property that contains the event's id, for example <c>id</c>.</param>
internal sealed record WatchedEvents(string Path, string EventType, string IdProperty);

/// <summary>
/// One open server-sent-event stream of the Host, such as <c>GET /api/v1/priority-calls/stream</c>.
/// It stamps each watched event with <see cref="Stopwatch.GetTimestamp"/> as soon as the event
/// is parsed, keyed by the id read from its payload, whether or not anyone waits for that id yet.
/// </summary>
internal sealed class ArrivalStream : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _arrivals = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client;
    private readonly WatchedEvents _watched;
    private Task _reading = Task.CompletedTask;
    private Exception? _failure;

    private ArrivalStream(HttpClient client, WatchedEvents watched)
    {
        _client = client;
        _watched = watched;
    }

    /// <summary>Opens the stream and returns once the Host has sent its <c>connected</c> event.</summary>
    public static async Task<ArrivalStream> OpenAsync(HttpClient client, WatchedEvents watched)
    {
        var stream = new ArrivalStream(client, watched);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stream._reading = Task.Run(() => stream.ReadAsync(connected));
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return stream;
    }

    /// <summary>Returns the timestamp at which the event for <paramref name="id"/> arrived, waiting for it if needed.</summary>
    public Task<long> ArrivalAsync(Guid id) =>
        _failure is null ? Source(id).Task : Task.FromException<long>(_failure);

    public void Forget(Guid id) => _arrivals.TryRemove(id, out _);

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
            using var response = await _client.GetAsync(_watched.Path, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
            {
                var arrivedAt = Stopwatch.GetTimestamp();
                if (item.EventType == "connected")
                {
                    connected.TrySetResult();
                }
                else if (item.EventType == _watched.EventType)
                {
                    using var payload = JsonDocument.Parse(item.Data);
                    Source(payload.RootElement.GetProperty(_watched.IdProperty).GetGuid()).TrySetResult(arrivedAt);
                }
            }

            throw new IOException($"The Host closed the stream {_watched.Path}.");
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

    private TaskCompletionSource<long> Source(Guid id) =>
        _arrivals.GetOrAdd(id, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
