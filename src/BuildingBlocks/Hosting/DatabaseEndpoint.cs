using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BonSecours.BuildingBlocks.Hosting;

/// <summary>
/// The one PostgreSQL database of the product: the configured <c>ConnectionStrings:BonSecours</c>
/// when there is one, otherwise a private cluster started on first use and stopped when the
/// service provider is disposed, after Marten and Wolverine have stopped.
/// </summary>
public sealed class DatabaseEndpoint(IConfiguration configuration, ILogger<DatabaseEndpoint> logger) : IAsyncDisposable
{
    public const string ConnectionStringName = "BonSecours";
    public const string DataDirectoryVariable = "BONSECOURS_DATA_DIR";
    private const string DatabaseName = "bonsecours";

    private readonly Lock _gate = new();
    private LocalPostgresCluster? _cluster;
    private string? _connectionString;

    public string ConnectionString
    {
        get
        {
            lock (_gate)
            {
                return _connectionString ??= Resolve();
            }
        }
    }

    /// <summary>True when the Host runs its own cluster, so it is the only node on this database.</summary>
    public bool IsLocalCluster => string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    /// <summary>The data folder: <c>BONSECOURS_DATA_DIR</c>, or <c>.data</c> under the working directory.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        configuration[DataDirectoryVariable] is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.CurrentDirectory, ".data");

    private string Resolve()
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        _cluster = LocalPostgresCluster.StartAsync(DataDirectory(configuration), DatabaseName, logger).GetAwaiter().GetResult();
        return _cluster.ServerConnectionString(DatabaseName);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }
}
