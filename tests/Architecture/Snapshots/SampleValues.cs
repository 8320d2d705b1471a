namespace BonSecours.Tests.Architecture.Snapshots;

/// <summary>Builds a deterministic sample of a message type through its widest constructor.</summary>
internal static class SampleValues
{
    public static object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(candidate => candidate.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select((parameter, index) => ValueFor(parameter.ParameterType, index + 1)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static object? ValueFor(Type type, int position) => type switch
    {
        _ when type == typeof(Guid) => new Guid($"00000000-0000-0000-0000-{position:D12}"),
        _ when type == typeof(string) => $"text-{position}",
        _ when type == typeof(int) || type == typeof(long) => Convert.ChangeType(position, type),
        _ when type == typeof(bool) => true,
        _ when type == typeof(double) || type == typeof(decimal) => Convert.ChangeType(position + 0.5, type),
        _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(position * 10),
        _ when type == typeof(DateOnly) => new DateOnly(2026, 1, position),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 1, position, 9, 30, 0, TimeSpan.Zero),
        { IsEnum: true } => Enum.GetValues(type).GetValue(0),
        _ => throw new NotSupportedException($"No sample value for {type.FullName}; add a case to SampleValues."),
    };
}
