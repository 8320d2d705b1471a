namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>
/// Runs a write again when another writer appended to the same stream first. Each attempt
/// must open its own session, so it decides on fresh state.
/// </summary>
internal static class ConcurrencyRetry
{
    public const int MaxAttempts = 30;

    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception exception) when (number < MaxAttempts && IsVersionClash(exception))
            {
                // Each attempt opens its own write session and outbox, so messages staged by
                // the failed attempt are dropped with it.
                await Task.Delay(Random.Shared.Next(2, 10 * Math.Min(number, 10)), cancellationToken);
            }
        }
    }

    private static bool IsVersionClash(Exception exception) =>
        exception is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException;
}
