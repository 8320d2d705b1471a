using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;

namespace BonSecours.Tests.Architecture.Rules;

/// <summary>Shape of integration messages: immutable sealed records with a stable, unique alias.</summary>
public static class ContractRules
{
    /// <summary>The types a Contracts assembly declares, without compiler-generated helpers.</summary>
    public static IEnumerable<Type> MessageTypes(Assembly contracts) =>
        contracts.GetTypes().Where(type => !type.IsDefined(typeof(CompilerGeneratedAttribute)) && !type.Name.StartsWith('<'));

    /// <summary>Returns the wire alias <c>namespace.name</c> from <c>[DataContract]</c>, or null when incomplete.</summary>
    public static string? Alias(Type type) =>
        type.GetCustomAttribute<DataContractAttribute>() is { Name: { Length: > 0 } name, Namespace: { Length: > 0 } ns }
            ? $"{ns}.{name}"
            : null;

    public static IReadOnlyList<string> ShapeViolations(IEnumerable<Type> types)
    {
        var violations = new List<string>();
        foreach (var type in types)
        {
            if (!type.IsSealed)
            {
                violations.Add($"{type.FullName} is not sealed");
            }

            // The compiler emits <Clone>$ for records only.
            if (type.GetMethod("<Clone>$") is null)
            {
                violations.Add($"{type.FullName} is not a record");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                {
                    violations.Add($"{type.FullName}.{property.Name} has a public setter");
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(field => !field.IsInitOnly))
            {
                violations.Add($"{type.FullName}.{field.Name} is a writable public field");
            }

            if (Alias(type) is null)
            {
                violations.Add($"{type.FullName} has no [DataContract] with a non-empty Name and Namespace");
            }
        }

        return violations;
    }

    public static IReadOnlyList<string> DuplicateAliases(IEnumerable<Type> types) =>
        types.Select(type => (Type: type, Alias: Alias(type)))
            .Where(entry => entry.Alias is not null)
            .GroupBy(entry => entry.Alias!, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => $"alias {group.Key} is used by {string.Join(", ", group.Select(entry => entry.Type.FullName))}")
            .ToList();

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
