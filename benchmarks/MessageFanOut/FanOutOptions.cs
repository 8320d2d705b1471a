using System.Globalization;

namespace BonSecours.Benchmarks.MessageFanOut;

/// <summary>Command-line settings of one benchmark invocation.</summary>
internal sealed record FanOutOptions
{
    public const int MaxResidents = 200;

    public int Residents { get; init; } = 50;

    public int Messages { get; init; } = 100;

    public int WarmupMessages { get; init; } = 10;

    public IReadOnlyList<int> Clients { get; init; } = [50, 200];

    public int DeliveryTimeoutSeconds { get; init; } = 10;

    public const string Usage = """
        Measures how long a message posted in a group conversation takes to reach every member's live stream, on the built Release Host.
        Usage: dotnet run -c Release --project benchmarks/MessageFanOut -- [options]
          --residents N          residents registered, moved in and put in the group (default 50, at most 200)
          --messages N           measured messages per run, posted one at a time by rotating senders (default 100)
          --warmup N             unmeasured messages per run before the measured ones, at least one
                                 per resident (default 10)
          --clients N[,N...]     open message streams, one run per value (default 50,200); the streams
                                 are shared out over the residents in turn, so 200 streams for 50 residents
                                 means 4 streams per resident, as with several devices each
          --delivery-timeout N   seconds to wait for one message on every stream before counting the
                                 streams that did not get it as missed deliveries (default 10)
        """;

    /// <summary>Parses <paramref name="arguments"/>. For --help it prints the usage and returns null.</summary>
    public static FanOutOptions? Parse(string[] arguments)
    {
        var options = new FanOutOptions();
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

            var text = arguments[++index];
            options = name switch
            {
                "--residents" => options with { Residents = ParseResidents(name, text) },
                "--messages" => options with { Messages = Math.Max(1, ParseWholeNumber(name, text)) },
                "--warmup" => options with { WarmupMessages = ParseWholeNumber(name, text) },
                "--clients" => options with { Clients = text.Split(',').Select(part => Math.Max(1, ParseWholeNumber(name, part))).ToList() },
                "--delivery-timeout" => options with { DeliveryTimeoutSeconds = Math.Max(1, ParseWholeNumber(name, text)) },
                _ => throw new ArgumentException($"Unknown option {name}. Run with --help for the options."),
            };
        }

        return options;
    }

    /// <summary>Parses the number of residents: from 1 to 200, because the Host accepts at most 200 members per group besides the coordinator.</summary>
    private static int ParseResidents(string name, string text)
    {
        var residents = ParseWholeNumber(name, text);
        return residents is >= 1 and <= MaxResidents
            ? residents
            : throw new ArgumentException($"Invalid value {residents} for {name}: expected 1 to {MaxResidents}, the Host's limit of members per group.");
    }

    private static int ParseWholeNumber(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"Invalid value '{text}' for {name}: expected a whole number of 0 or more.");
}
