using BonSecours.BuildingBlocks.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BonSecours.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>BONSECOURS_TEST_POSTGRES</c>
/// (a connection string without a database), or else a throwaway local cluster started
/// once per test process and stopped when it exits. Each test host gets a new database.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "BONSECOURS_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static LocalPostgresCluster? _cluster;

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"bonsecours-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        _cluster = await LocalPostgresCluster.StartAsync(folder, "postgres", NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };
        return _cluster.ServerConnectionString("postgres");
    }
}
