using System.Reflection;
using System.Runtime.CompilerServices;
using Mono.Cecil;

namespace BonSecours.Tests.Architecture.Rules;

/// <summary>What a module shows to the rest of the solution, and what the rest of the solution uses.</summary>
public static class VisibilityRules
{
    /// <summary>Lists the public types of <paramref name="types"/> that are not in <paramref name="allowed"/>.</summary>
    public static IReadOnlyList<string> UnexpectedPublicTypes(IEnumerable<Type> types, IReadOnlyCollection<Type> allowed) =>
        types.Where(type => type.IsVisible && !allowed.Contains(type) && !type.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Select(type => $"{type.FullName} is public but not in the module's list of public types")
            .ToList();

    /// <summary>
    /// Lists the types of <paramref name="module"/>'s main assembly that <paramref name="consumer"/> uses
    /// other than <paramref name="allowed"/>. It reads the consumer's type references (IL metadata), so
    /// internal types reached through InternalsVisibleTo are caught too.
    /// </summary>
    public static IReadOnlyList<string> ForeignTypesUsed(Assembly consumer, Assembly module, IReadOnlyCollection<Type> allowed)
    {
        var moduleName = module.GetName().Name;
        var allowedNames = allowed.Select(type => type.FullName!.Replace('+', '/')).ToHashSet();
        using var definition = AssemblyDefinition.ReadAssembly(consumer.Location);
        return definition.MainModule.GetTypeReferences()
            .Where(reference => OwningAssembly(reference) == moduleName)
            .Select(reference => reference.FullName)
            .Where(name => !allowedNames.Contains(name))
            .Distinct()
            .Select(name => $"{consumer.GetName().Name} uses {name} of {moduleName}")
            .ToList();
    }

    /// <summary>Lists the assemblies, other than test projects, that the module opens its internals to.</summary>
    public static IReadOnlyList<string> InternalsOpenedOutsideTests(Assembly module) =>
        module.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(attribute => attribute.AssemblyName)
            .Where(name => !name.StartsWith("BonSecours.Tests.", StringComparison.Ordinal))
            .Select(name => $"{module.GetName().Name} opens its internal types to {name}")
            .ToList();

    /// <summary>Lists endpoint classes (named *Endpoint or *Endpoints) that are public.</summary>
    public static IReadOnlyList<string> PublicEndpoints(IEnumerable<Type> types) =>
        types.Where(type => type.IsVisible && (type.Name.EndsWith("Endpoint", StringComparison.Ordinal) || type.Name.EndsWith("Endpoints", StringComparison.Ordinal)))
            .Select(type => $"{type.FullName} is a public endpoint class")
            .ToList();

    private static string? OwningAssembly(TypeReference reference)
    {
        while (reference.DeclaringType is not null)
        {
            reference = reference.DeclaringType;
        }

        return reference.Scope switch
        {
            AssemblyNameReference assembly => assembly.Name,
            _ => null,
        };
    }
}
