using System.Globalization;
using BonSecours.Benchmarks.AlertLatency;

// Measures how long a resident's priority call takes to reach the care staff's live stream,
// on the built Host, without and with background load. Not part of test.sh: see benchmarks/RESULTS.md.
BenchmarkOptions? options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (options is null)
{
    return 0;
}

var hostAssembly = HostBuild.FindHostAssembly();
Console.Error.WriteLine($"Host: {hostAssembly}");
await using var cluster = await PostgresCluster.StartAsync(hostAssembly);
var run = new LatencyRun(options, cluster, hostAssembly);
var results = new List<RunResult> { await run.ExecuteAsync("no background load", loadClients: 0) };
if (options.LoadClients > 0)
{
    results.Add(await run.ExecuteAsync($"{options.LoadClients} background clients", options.LoadClients));
}

Report.Write(Console.Out, options, await cluster.ServerVersionAsync(), results);
return results.Any(result => result.MissedAlerts > 0) ? 1 : 0;

/// <summary>Prints the machine, the settings and the results as Markdown, ready for RESULTS.md.</summary>
internal static class Report
{
    public static void Write(TextWriter output, BenchmarkOptions options, string postgresVersion, IReadOnlyList<RunResult> results)
    {
        var invariant = CultureInfo.InvariantCulture;
        MachineDescription.Write(output, postgresVersion);
        output.WriteLine($"Settings: {options.Calls} measured calls per run after {Math.Max(options.WarmupCalls, options.Residents)} warm-up calls, "
            + $"{options.StaffClients} staff streams, {options.Residents} residents");
        output.WriteLine();
        output.WriteLine("| run | latency to | calls | p50 ms | p90 ms | p99 ms | max ms | mean ms |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            WriteRow(output, result.Name, "first staff stream", result.FirstStaffAlert);
            WriteRow(output, result.Name, "every staff stream", result.AllStaffAlerts);
            WriteRow(output, result.Name, "POST response (201)", result.RaiseResponse);
        }

        output.WriteLine();
        output.WriteLine("| run | missed alerts | Host peak working set (VmHWM) | background requests | failed | load seconds | requests/s |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            var peak = MachineDescription.PeakWorkingSet(result.PeakWorkingSetKilobytes);
            var load = result.Load is { } summary
                ? string.Create(invariant, $"{summary.Requests} | {summary.Failures} | {summary.Duration.TotalSeconds:F1} | {summary.RequestsPerSecond:F0}")
                : "0 | 0 | 0 | 0";
            output.WriteLine($"| {result.Name} | {result.MissedAlerts} | {peak} | {load} |");
        }
    }

    private static void WriteRow(TextWriter output, string run, string target, LatencySummary summary) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {run} | {target} | {summary.Count} | {summary.P50:F1} | {summary.P90:F1} | {summary.P99:F1} | {summary.Max:F1} | {summary.Mean:F1} |"));
}
