using System.Reflection;
using NetArchTest.Rules;

namespace BonSecours.Tests.Architecture.Rules;

/// <summary>Which assemblies and namespaces a module or a Contracts assembly may depend on.</summary>
public static class ReferenceRules
{
    /// <summary>Libraries a Contracts or domain type must never touch, by namespace prefix.</summary>
    public static readonly string[] InfrastructureNamespaces =
        ["Marten", "Wolverine", "JasperFx", "MediatR", "Microsoft.AspNetCore"];

    /// <summary>
    /// Lists the BonSecours assemblies that <paramref name="module"/> references other than
    /// BuildingBlocks and Contracts assemblies, for example another module's main project or the Host.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenModuleReferences(Assembly module) =>
        module.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("BonSecours.", StringComparison.Ordinal))
            .Where(name => name != "BonSecours.BuildingBlocks" && !name.EndsWith(".Contracts", StringComparison.Ordinal))
            .Select(name => $"{module.GetName().Name} references {name}")
            .ToList();

    /// <summary>Lists the references of a Contracts assembly outside the base library (System.*).</summary>
    public static IReadOnlyList<string> NonBaseLibraryReferences(Assembly contracts) =>
        contracts.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name is not ("netstandard" or "mscorlib" or "System") && !name.StartsWith("System.", StringComparison.Ordinal))
            .Select(name => $"{contracts.GetName().Name} references {name}")
            .ToList();

    /// <summary>Namespaces a Contracts type must not use: it depends on the base library only.</summary>
    public static readonly string[] ForbiddenInContracts = [.. InfrastructureNamespaces, "BonSecours.BuildingBlocks"];

    /// <summary>
    /// Namespaces domain code must not use. BuildingBlocks.Domain is allowed; the other BuildingBlocks
    /// namespaces wrap MediatR, Marten, Wolverine or ASP.NET Core.
    /// </summary>
    public static readonly string[] ForbiddenInDomain =
    [
        .. InfrastructureNamespaces,
        "BonSecours.BuildingBlocks.Application",
        "BonSecours.BuildingBlocks.Persistence",
        "BonSecours.BuildingBlocks.Http",
        "BonSecours.BuildingBlocks.Hosting",
    ];

    /// <summary>
    /// Lists the types in namespaces matching <paramref name="namespacePattern"/> that use a namespace
    /// starting with one of <paramref name="forbidden"/>. The check reads IL, so it also sees uses inside
    /// method bodies. File-local types (names starting with '&lt;') are skipped: Marten's source generator
    /// emits its aggregate evolvers into the aggregate's namespace, and they are Marten code by design.
    /// </summary>
    public static IReadOnlyList<string> TypesUsingForbiddenNamespaces(Assembly assembly, string namespacePattern, string[] forbidden)
    {
        var result = Types.InAssembly(assembly)
            .That().ResideInNamespaceMatching(namespacePattern).And().DoNotHaveNameStartingWith("<")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();
        return (result.FailingTypeNames ?? []).Select(name => $"{name} depends on one of {string.Join(", ", forbidden)}").ToList();
    }

    public const string DomainNamespacePattern = @"^BonSecours\.Modules\.[^.]+\.Domain(\.|$)";

    public const string AnyNamespacePattern = ".*";
}
