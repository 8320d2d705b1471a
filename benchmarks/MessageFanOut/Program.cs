using System.Globalization;
using BonSecours.Benchmarks.MessageFanOut;

// Measures how long a message posted in a group conversation takes to reach every member's
// live stream, on the built Host, for each requested number of open streams.
// Not part of test.sh: see benchmarks/RESULTS.md.
FanOutOptions? options;
try
{
    options = FanOutOptions.Parse(args);
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
var run = new FanOutRun(options, cluster, hostAssembly);
var results = new List<FanOutResult>();
foreach (var clients in options.Clients)
{
    results.Add(await run.ExecuteAsync(clients));
}

Report.Write(Console.Out, options, await cluster.ServerVersionAsync(), results);
return results.Any(result => result.MissedDeliveries > 0) ? 1 : 0;

/// <summary>Prints the machine, the settings and the results as Markdown, ready for RESULTS.md.</summary>
internal static class Report
{
    public static void Write(TextWriter output, FanOutOptions options, string postgresVersion, IReadOnlyList<FanOutResult> results)
    {
        MachineDescription.Write(output, postgresVersion);
        output.WriteLine($"Settings: {options.Messages} measured messages per run after {Math.Max(options.WarmupMessages, options.Residents)} warm-up messages, "
            + $"{options.Residents} residents in one group, streams per run: {string.Join(", ", options.Clients)}");
        output.WriteLine();
        output.WriteLine("| run | latency to | samples | p50 ms | p90 ms | p99 ms | max ms | mean ms |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            WriteRow(output, result.Name, "each stream (message, stream pairs)", result.Deliveries);
            WriteRow(output, result.Name, "every stream (per message)", result.EveryClient);
            WriteRow(output, result.Name, "POST response (201)", result.PostResponse);
        }

        output.WriteLine();
        output.WriteLine("| run | residents | streams | messages | expected deliveries | missed deliveries | Host peak working set (VmHWM) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            output.WriteLine($"| {result.Name} | {result.Residents} | {result.Clients} | {result.Messages} | {result.Messages * result.Clients} | "
                + $"{result.MissedDeliveries} | {MachineDescription.PeakWorkingSet(result.PeakWorkingSetKilobytes)} |");
        }
    }

    private static void WriteRow(TextWriter output, string run, string target, LatencySummary summary) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {run} | {target} | {summary.Count} | {summary.P50:F1} | {summary.P90:F1} | {summary.P99:F1} | {summary.Max:F1} | {summary.Mean:F1} |"));
}
