using System.Globalization;
using System.Runtime.InteropServices;

namespace BonSecours.Benchmarks.Shared;

/// <summary>The machine lines every benchmark report starts with, read from /proc and the runtime.</summary>
internal static class MachineDescription
{
    public static void Write(TextWriter output, string postgresVersion)
    {
        output.WriteLine($"Date (UTC): {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}");
        output.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {CpuModel()}, {MemoryTotal()} RAM");
        output.WriteLine($"OS: {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; PostgreSQL {postgresVersion}");
    }

    public static string PeakWorkingSet(long? kilobytes) =>
        kilobytes is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:F0} MiB") : "unknown";

    private static string CpuModel() =>
        ProcLine("/proc/cpuinfo", "model name") ?? "unknown CPU model";

    private static string MemoryTotal() =>
        ProcLine("/proc/meminfo", "MemTotal") is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{long.Parse(total.Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GiB")
            : "unknown";

    private static string? ProcLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(line => line.StartsWith(key, StringComparison.Ordinal)).Select(line => line[(line.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
