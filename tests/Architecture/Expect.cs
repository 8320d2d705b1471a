using Xunit;

namespace BonSecours.Tests.Architecture;

internal static class Expect
{
    /// <summary>Fails with every violation on its own line, since Assert.Empty cuts long strings short.</summary>
    public static void NoViolations(IEnumerable<string> violations)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{list.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, list)}");
    }
}
