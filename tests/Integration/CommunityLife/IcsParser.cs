using System.Text;
using Xunit;

namespace BonSecours.Tests.Integration.CommunityLife;

/// <summary>One unfolded iCalendar content line: NAME;PARAM=VALUE:VALUE (RFC 5545 section 3.1).</summary>
internal sealed record IcsLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    public string Text => IcsParser.UnescapeText(Value);
}

/// <summary>A component (VCALENDAR, VEVENT, ...) with its properties and sub-components.</summary>
internal sealed class IcsComponent(string name)
{
    public string Name { get; } = name;

    public List<IcsLine> Properties { get; } = [];

    public List<IcsComponent> Components { get; } = [];

    public IcsLine? Property(string name) => Properties.FirstOrDefault(line => line.Name == name);

    public IEnumerable<IcsLine> All(string name) => Properties.Where(line => line.Name == name);

    public IEnumerable<IcsComponent> Descendants(string name) =>
        Components.Where(component => component.Name == name).Concat(Components.SelectMany(component => component.Descendants(name)));
}

/// <summary>
/// A small strict reader of RFC 5545 content, written for the tests and independent of
/// Ical.Net: it rejects bare LF line ends and physical lines over 75 octets, unfolds, splits
/// name, parameters and value, and unescapes TEXT values.
/// </summary>
internal static class IcsParser
{
    public const int MaxOctets = 75;

    public static IcsComponent Parse(string content)
    {
        Assert.EndsWith("\r\n", content);
        var physical = content[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.DoesNotContain('\n', line);
            Assert.True(Encoding.UTF8.GetByteCount(line) <= MaxOctets, $"Line longer than {MaxOctets} octets: {line}");
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                Assert.NotEmpty(logical);
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<IcsComponent>();
        IcsComponent? root = null;
        foreach (var line in logical.Select(ParseLine))
        {
            if (line.Name == "BEGIN")
            {
                var component = new IcsComponent(line.Value);
                if (stack.Count > 0)
                {
                    stack.Peek().Components.Add(component);
                }

                root ??= component;
                stack.Push(component);
            }
            else if (line.Name == "END")
            {
                Assert.Equal(stack.Pop().Name, line.Value);
            }
            else
            {
                stack.Peek().Properties.Add(line);
            }
        }

        Assert.Empty(stack);
        return root ?? throw new Xunit.Sdk.XunitException("No component in the calendar");
    }

    public static IcsLine ParseLine(string line)
    {
        var nameEnd = line.IndexOfAny([';', ':']);
        Assert.True(nameEnd > 0, $"No property name in: {line}");
        var name = line[..nameEnd].ToUpperInvariant();
        var parameters = new Dictionary<string, string>();
        var position = nameEnd;
        while (line[position] == ';')
        {
            var equals = line.IndexOf('=', position);
            var parameterName = line[(position + 1)..equals].ToUpperInvariant();
            position = equals + 1;
            string value;
            if (line[position] == '"')
            {
                var close = line.IndexOf('"', position + 1);
                value = line[(position + 1)..close];
                position = close + 1;
            }
            else
            {
                var end = line.IndexOfAny([';', ':'], position);
                value = line[position..end];
                position = end;
            }

            parameters[parameterName] = value;
        }

        Assert.Equal(':', line[position]);
        return new IcsLine(name, parameters, line[(position + 1)..]);
    }

    /// <summary>Reverses TEXT escaping: \\ \; \, and \n or \N.</summary>
    public static string UnescapeText(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Assert.True(value[i] is not (';' or ','), $"Unescaped '{value[i]}' in TEXT value: {value}");
                text.Append(value[i]);
                continue;
            }

            var next = value[++i];
            text.Append(next switch
            {
                'n' or 'N' => '\n',
                '\\' or ';' or ',' => next,
                _ => throw new Xunit.Sdk.XunitException($"Invalid escape \\{next} in: {value}"),
            });
        }

        return text.ToString();
    }
}
