using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BonSecours.BuildingBlocks.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the machine's binaries: data in a folder of
/// ours, listening on 127.0.0.1 only, no Unix socket, trust authentication (nothing but
/// local processes can reach it). PostgreSQL refuses to run as root, so when we are root
/// every PostgreSQL program runs as the <c>postgres</c> OS user.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private readonly string _binaries;
    private readonly string _dataDirectory;
    private readonly ILogger _logger;
    private bool _startedByUs;

    private LocalPostgresCluster(string binaries, string dataDirectory, ILogger logger)
    {
        _binaries = binaries;
        _dataDirectory = dataDirectory;
        _logger = logger;
    }

    public int Port { get; private set; }

    public string ServerConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database={database};Include Error Detail=true";

    /// <summary>
    /// Starts the cluster in <paramref name="rootFolder"/> (creating it on first use), or
    /// reuses it when a previous process left it running, and ensures the database exists.
    /// </summary>
    public static async Task<LocalPostgresCluster> StartAsync(string rootFolder, string database, ILogger logger, CancellationToken cancellationToken = default)
    {
        var cluster = new LocalPostgresCluster(PostgresBinaries.Locate(), Path.Combine(Path.GetFullPath(rootFolder), "postgres"), logger);
        await cluster.StartAsync(cancellationToken);
        await cluster.EnsureDatabaseAsync(database, cancellationToken);
        return cluster;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_dataDirectory);
        if (Environment.UserName == "root")
        {
            PrepareForServiceUser();
        }

        var portFile = Path.Combine(_dataDirectory, "..", "postgres.port");
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            _logger.LogInformation("Creating a local PostgreSQL cluster in {DataDirectory}", _dataDirectory);
            await RunAsync("initdb", ["-D", _dataDirectory, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], cancellationToken);
        }

        if (File.Exists(portFile) && int.TryParse(await File.ReadAllTextAsync(portFile, cancellationToken), out var port) && await IsRunningAsync(cancellationToken))
        {
            Port = port;
            _logger.LogInformation("Reusing the local PostgreSQL cluster already running on 127.0.0.1:{Port}", Port);
            return;
        }

        Port = FreeLoopbackPort();
        await File.WriteAllTextAsync(portFile, Port.ToString(), cancellationToken);
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories=''";
        await RunAsync("pg_ctl", ["start", "-w", "-t", "60", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-o", options], cancellationToken);
        _startedByUs = true;
        _logger.LogInformation("Started a local PostgreSQL cluster on 127.0.0.1:{Port}", Port);
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var (exitCode, _) = await RunAsync("pg_ctl", ["status", "-D", _dataDirectory], cancellationToken, allowFailure: true);
        return exitCode == 0;
    }

    private void PrepareForServiceUser()
    {
        // The service user must own the data folder and be able to walk every parent.
        for (var folder = Path.GetDirectoryName(_dataDirectory); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            var mode = File.GetUnixFileMode(folder);
            if ((mode & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL data folder {_dataDirectory} is below {folder}, which the '{ServiceUser}' user cannot enter. " +
                    "Set BONSECOURS_DATA_DIR to a folder outside it (for example /var/tmp/bonsecours).");
            }
        }

        RunSync("chown", ["-R", $"{ServiceUser}:", Path.GetDirectoryName(_dataDirectory)!]);
        File.SetUnixFileMode(_dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Stops the cluster if this process started it; one reused from an earlier process keeps running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_startedByUs)
        {
            await StopAsync();
        }
    }

    /// <summary>Stops the cluster, also one that an earlier process started.</summary>
    public async Task StopAsync()
    {
        _startedByUs = false;
        _logger.LogInformation("Stopping the local PostgreSQL cluster on 127.0.0.1:{Port}", Port);
        await RunAsync("pg_ctl", ["stop", "-w", "-m", "fast", "-D", _dataDirectory], CancellationToken.None, allowFailure: true);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, CancellationToken cancellationToken, bool allowFailure = false)
    {
        using var process = Process.Start(StartInfo(Path.Combine(_binaries, program), arguments))!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output + await error;
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {text.Trim()}");
        }

        return (process.ExitCode, text);
    }

    private static void RunSync(string program, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {process.StandardError.ReadToEnd().Trim()}");
        }
    }

    private static ProcessStartInfo StartInfo(string program, string[] arguments)
    {
        var info = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", ServiceUser, "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        // pg_ctl start leaves the server running; it must not inherit our output pipes.
        info.RedirectStandardInput = true;
        return info;
    }
}
