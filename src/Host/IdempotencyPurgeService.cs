using BonSecours.BuildingBlocks.Http;
using Marten;

namespace BonSecours.Host;

/// <summary>
/// Deletes the idempotency records older than <c>Idempotency:RetentionHours</c> (default 24)
/// every <c>Idempotency:PurgeIntervalMinutes</c> (default 60). A key sent again after its
/// record is purged runs the request again.
/// </summary>
internal sealed class IdempotencyPurgeService(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<IdempotencyPurgeService> logger)
    : BackgroundService
{
    public TimeSpan Retention { get; } = TimeSpan.FromHours(ReadPositive(configuration, "Idempotency:RetentionHours", 24));

    public TimeSpan PurgeInterval { get; } = TimeSpan.FromMinutes(ReadPositive(configuration, "Idempotency:PurgeIntervalMinutes", 60));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Idempotency purge started: every {PurgeInterval}, records older than {Retention}", PurgeInterval, Retention);
        using var timer = new PeriodicTimer(PurgeInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PurgeSafelyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Idempotency purge stopped");
        }
    }

    /// <summary>Deletes the records created before now minus the retention, and returns how many there were.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var session = store.LightweightSession();
        // Marten's DeleteWhere does not return a row count, so count first. The count can
        // miss a record the middleware deletes in between, which only skews the log line.
        var expired = await session.Query<IdempotencyRecord>().CountAsync(record => record.CreatedAt < cutoff, cancellationToken);
        session.DeleteWhere<IdempotencyRecord>(record => record.CreatedAt < cutoff);
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Idempotency purge removed {Count} records created before {Cutoff:O}", expired, cutoff);
        return expired;
    }

    private async Task PurgeSafelyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PurgeAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next tick tries again, and a late purge only keeps records longer.
            logger.LogError(exception, "Idempotency purge failed, next try in {PurgeInterval}", PurgeInterval);
        }
    }

    private static double ReadPositive(IConfiguration configuration, string key, double defaultValue)
    {
        var value = configuration.GetValue(key, defaultValue);
        return value > 0 ? value : throw new InvalidOperationException($"{key} must be greater than 0, but it is {value}.");
    }
}
