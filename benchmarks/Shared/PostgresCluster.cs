using System.Diagnostics;
using Npgsql;

namespace BonSecours.Benchmarks.Shared;

/// <summary>
/// A private PostgreSQL cluster in a temporary folder, started and stopped with the Host's
/// <c>local-postgres</c> command (as test.sh does). Each benchmark run gets a new database on it.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _hostAssembly;
    private readonly string _folder;

    private PostgresCluster(string hostAssembly, string folder, string serverConnectionString)
    {
        _hostAssembly = hostAssembly;
        _folder = folder;
        ServerConnectionString = serverConnectionString;
    }

    /// <summary>Connection string of the server, without a database.</summary>
    public string ServerConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync(string hostAssembly)
    {
        var folder = Directory.CreateTempSubdirectory("bonsecours-bench-cluster-").FullName;

        // The cluster may run as another user than the caller, so it must be able to enter the folder.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var output = await RunHostCommandAsync(hostAssembly, "start", folder);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PostgresCluster(hostAssembly, folder, lines[^1]);
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("show server_version", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunHostCommandAsync(_hostAssembly, "stop", _folder);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<string> RunHostCommandAsync(string hostAssembly, string action, string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostAssembly, "local-postgres", action, "--folder", folder },
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Failed to run local-postgres {action}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-postgres {action} --folder {folder} failed with exit code {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}
