using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace BonSecours.Benchmarks.MessageFanOut;

/// <summary>
/// One open <c>GET /api/v1/conversations/stream</c> of one resident. It stamps each
/// <c>message-posted</c> event with <see cref="Stopwatch.GetTimestamp"/> as soon as the event
/// is parsed, keyed by message id, whether or not anyone waits for that message yet.
/// </summary>
internal sealed class MessageStream : IAsyncDisposable
{
    private const string PostedEvent = "message-posted";

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _arrivals = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client;
    private Task _reading = Task.CompletedTask;
    private Exception? _failure;

    private MessageStream(HttpClient client) => _client = client;

    /// <summary>Opens the stream and returns once the Host has sent its <c>connected</c> event.</summary>
    public static async Task<MessageStream> OpenAsync(HttpClient client)
    {
        var stream = new MessageStream(client);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stream._reading = Task.Run(() => stream.ReadAsync(connected));
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return stream;
    }

    /// <summary>Returns the timestamp at which <paramref name="messageId"/> arrived, waiting for it if needed.</summary>
    public Task<long> ArrivalAsync(Guid messageId) =>
        _failure is null ? Source(messageId).Task : Task.FromException<long>(_failure);

    public void Forget(Guid messageId) => _arrivals.TryRemove(messageId, out _);

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
            using var response = await _client.GetAsync("/api/v1/conversations/stream", HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
            {
                var arrivedAt = Stopwatch.GetTimestamp();
                if (item.EventType == "connected")
                {
                    connected.TrySetResult();
                }
                else if (item.EventType == PostedEvent)
                {
                    using var payload = JsonDocument.Parse(item.Data);
                    Source(payload.RootElement.GetProperty("id").GetGuid()).TrySetResult(arrivedAt);
                }
            }

            throw new IOException("The Host closed the message stream.");
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

    private TaskCompletionSource<long> Source(Guid messageId) =>
        _arrivals.GetOrAdd(messageId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
