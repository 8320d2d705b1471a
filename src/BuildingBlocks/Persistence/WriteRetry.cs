using Marten.Exceptions;
using Microsoft.Extensions.Logging;

namespace BonSecours.BuildingBlocks.Persistence;

/// <summary>
/// Runs a write again when another request wrote the same stream or document first, such as
/// two residents taking the last place of an activity. Each attempt must open its own write
/// session, so it decides on fresh state. The later request then gets a clear result (the
/// place is taken) instead of a version error.
/// </summary>
public static class WriteRetry
{
    public const int MaxAttempts = 30;

    public static async Task<T> RunAsync<T>(ILogger logger, string requestName, Func<Task<T>> attempt, CancellationToken cancellationToken = default)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception exception) when (IsWriteClash(exception) && number < MaxAttempts)
            {
                // Each attempt opens its own write session, and with it its own outbox, so the
                // failed attempt's messages are dropped with it.
                logger.LogInformation("{Request} clashed with a concurrent write, retry {Attempt}: {Reason}", requestName, number, exception.Message);
                await Task.Delay(Random.Shared.Next(2, 10 * Math.Min(number, 10)), cancellationToken);
            }
        }
    }

    /// <summary>Returns whether the exception is Marten's rejection of a stale version or of a second insert of the same id.</summary>
    public static bool IsWriteClash(Exception exception) =>
        exception is JasperFx.ConcurrencyException or ExistingStreamIdCollisionException or JasperFx.DocumentAlreadyExistsException;
}
