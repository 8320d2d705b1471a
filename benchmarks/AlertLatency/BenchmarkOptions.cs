using System.Globalization;

namespace BonSecours.Benchmarks.AlertLatency;

/// <summary>Command-line settings of one benchmark invocation.</summary>
internal sealed record BenchmarkOptions
{
    public int Calls { get; init; } = 200;

    public int WarmupCalls { get; init; } = 10;

    public int StaffClients { get; init; } = 2;

    public int LoadClients { get; init; } = 8;

    public int Residents { get; init; } = 20;

    public int LoadMaxSeconds { get; init; } = 300;

    public int LoadMaxRequestsPerClient { get; init; } = 100_000;

    public int AlertTimeoutSeconds { get; init; } = 10;

    public const string Usage = """
        Measures the priority-call alert latency of the built Release Host.
        Usage: dotnet run -c Release --project benchmarks/AlertLatency -- [options]
          --calls N              measured calls per run (default 200)
          --warmup N             unmeasured calls per run before the measured ones (default 10)
          --staff-clients N      care-staff users on duty, each with one open alert stream (default 2)
          --load-clients N       concurrent background clients in the loaded run, 0 skips that run (default 8)
          --residents N          residents registered and moved in (default 20)
          --load-max-seconds N   time after which background clients stop on their own (default 300)
          --load-max-requests N  requests after which one background client stops on its own (default 100000)
          --alert-timeout N      seconds to wait for one alert before counting it as missed (default 10)
        """;

    /// <summary>Parses <paramref name="arguments"/>. For --help it prints the usage and returns null.</summary>
    public static BenchmarkOptions? Parse(string[] arguments)
    {
        var options = new BenchmarkOptions();
        for (var index = 0; index < arguments.Length; index++)
        {
            var name = arguments[index];
            if (name is "--help" or "-h")
            {
                Console.WriteLine(Usage);
                return null;
            }

            if (index + 1 >= arguments.Length)
            {
                throw new ArgumentException($"Missing value after {name}. Run with --help for the options.");
            }

            var value = ParseWholeNumber(name, arguments[++index]);
            options = name switch
            {
                "--calls" => options with { Calls = value },
                "--warmup" => options with { WarmupCalls = value },
                "--staff-clients" => options with { StaffClients = Math.Max(1, value) },
                "--load-clients" => options with { LoadClients = value },
                "--residents" => options with { Residents = Math.Max(1, value) },
                "--load-max-seconds" => options with { LoadMaxSeconds = value },
                "--load-max-requests" => options with { LoadMaxRequestsPerClient = value },
                "--alert-timeout" => options with { AlertTimeoutSeconds = Math.Max(1, value) },
                _ => throw new ArgumentException($"Unknown option {name}. Run with --help for the options."),
            };
        }

        return options;
    }

    private static int ParseWholeNumber(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"Invalid value '{text}' for {name}: expected a whole number of 0 or more.");
}
