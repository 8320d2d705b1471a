using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Services.Infrastructure;

/// <summary>
/// Runs a write again when another request appended to the same stream first, such as two
/// orders for the last place of a slot. Each attempt reads the state again, so the later
/// request finds the slot full and gets a clear refusal instead of a version error.
/// </summary>
internal static class WriteRetry
{
    public const int MaxAttempts = 25;

    public static async Task<T> RunAsync<T>(ILogger logger, string requestName, Func<Task<T>> attempt)
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
                await Task.Delay(Random.Shared.Next(5, 20 * number));
            }
        }
    }

    public static bool IsWriteClash(Exception exception) =>
        exception is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException;
}
