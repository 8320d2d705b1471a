using System.Reflection;

namespace BonSecours.Tests.Unit.Domain;

/// <summary>Builds an aggregate from past events through its public Apply methods, as Marten does.</summary>
internal static class Given
{
    public static T Events<T>(params object[] events)
        where T : new()
    {
        var aggregate = new T();
        foreach (var @event in events)
        {
            var apply = typeof(T).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [@event.GetType()])
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no Apply({@event.GetType().Name}).");
            apply.Invoke(aggregate, [@event]);
        }

        return aggregate;
    }
}
