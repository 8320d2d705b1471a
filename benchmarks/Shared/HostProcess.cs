using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BonSecours.Benchmarks.Shared;

/// <summary>
/// The built Host as a child process on a free loopback port, in the Testing environment
/// (no demo data, no demo accounts), run from its output folder so appsettings.json loads.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly ConcurrentQueue<string> _recentOutput = new();

    private HostProcess(Process process, string dataFolder, Uri baseAddress)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<HostProcess> StartAsync(string hostAssembly, string connectionString, string signingKey)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var dataFolder = Directory.CreateTempSubdirectory("bonsecours-bench-host-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostAssembly, "--urls", baseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__BonSecours"] = connectionString;
        start.Environment["Auth__SigningKey"] = signingKey;
        start.Environment["BONSECOURS_DATA_DIR"] = dataFolder;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Failed to start the Host from {hostAssembly}.");
        var host = new HostProcess(process, dataFolder, baseAddress);
        process.OutputDataReceived += (_, line) => host.KeepOutput(line.Data);
        process.ErrorDataReceived += (_, line) => host.KeepOutput(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync();
            return host;
        }
        catch
        {
            // A Host that never became healthy must not outlive the benchmark.
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads the Host's peak resident set size (VmHWM, in kB) from /proc, or returns null once the Host has exited.</summary>
    public long? PeakWorkingSetKilobytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (_process.HasExited || !File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public string RecentOutput() => string.Join(Environment.NewLine, _recentOutput);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with code {_process.ExitCode} before it was ready. Its last output:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var health = await client.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // The Host is not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The Host at {BaseAddress} was not healthy within {StartupTimeout}. Its last output:{Environment.NewLine}{RecentOutput()}");
    }

    private void KeepOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _recentOutput.Enqueue(line);
        while (_recentOutput.Count > 40)
        {
            _recentOutput.TryDequeue(out _);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
