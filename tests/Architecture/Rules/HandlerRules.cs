using System.Reflection;
using Marten;
using MediatR;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace BonSecours.Tests.Architecture.Rules;

/// <summary>
/// Which handlers Wolverine can see and which Marten store they write to. Wolverine discovers
/// every public class named *Handler or *Consumer with a Handle, HandleAsync or Consume method.
/// </summary>
public static class HandlerRules
{
    private static readonly string[] HandlerMethodNames = ["Handle", "HandleAsync", "Consume", "ConsumeAsync"];

    public static bool IsWolverineHandler(Type type) =>
        type is { IsClass: true, IsVisible: true, IsAbstract: false }
        && (type.Name.EndsWith("Handler", StringComparison.Ordinal) || type.Name.EndsWith("Consumer", StringComparison.Ordinal))
        && type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(method => HandlerMethodNames.Contains(method.Name));

    /// <summary>Lists the public interfaces named I*Store that extend Marten's IDocumentStore.</summary>
    public static IReadOnlyList<Type> StoreMarkers(IEnumerable<Type> types) =>
        types.Where(type => type is { IsInterface: true, IsVisible: true }
                && type.Name.StartsWith('I') && type.Name.EndsWith("Store", StringComparison.Ordinal)
                && typeof(IDocumentStore).IsAssignableFrom(type))
            .ToList();

    /// <summary>
    /// Checks that <paramref name="types"/> (one module) declare exactly one store marker named
    /// I<paramref name="moduleName"/>Store, so every public Wolverine handler beside it is bound to that store.
    /// </summary>
    public static IReadOnlyList<string> UnboundHandlers(string moduleName, IReadOnlyCollection<Type> types)
    {
        var stores = StoreMarkers(types);
        var expected = $"I{moduleName}Store";
        if (stores.Count == 1 && stores[0].Name == expected)
        {
            return [];
        }

        var problem = stores.Count == 0
            ? $"module {moduleName} has no {expected} : IDocumentStore"
            : $"module {moduleName} must declare only {expected} but declares {string.Join(", ", stores.Select(store => store.Name))}";
        return [problem, .. types.Where(IsWolverineHandler).Select(handler => $"{handler.FullName} is a Wolverine handler not bound to one store ({problem})")];
    }

    /// <summary>
    /// Checks that <paramref name="host"/> calls
    /// <c>Policies.UseAncillaryStorageFromAssemblyContaining&lt;TStore&gt;</c> for <paramref name="store"/>,
    /// which binds the handlers of the store's assembly to that store.
    /// </summary>
    public static IReadOnlyList<string> MissingStoreBinding(Assembly host, Type store)
    {
        using var definition = AssemblyDefinition.ReadAssembly(host.Location);
        var bound = definition.MainModule.GetTypes()
            .SelectMany(type => type.Methods)
            .Where(method => method.HasBody)
            .SelectMany(method => method.Body.Instructions)
            .Where(instruction => instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt)
            .Select(instruction => instruction.Operand)
            .OfType<GenericInstanceMethod>()
            .Any(method => method.Name == "UseAncillaryStorageFromAssemblyContaining"
                && method.GenericArguments.Any(argument => argument.FullName == store.FullName));
        return bound ? [] : [$"{host.GetName().Name} never calls UseAncillaryStorageFromAssemblyContaining<{store.Name}>"];
    }

    /// <summary>Lists public MediatR handlers, which Wolverine would also discover and run.</summary>
    public static IReadOnlyList<string> PublicMediatorHandlers(IEnumerable<Type> types) =>
        types.Where(type => type is { IsClass: true, IsVisible: true } && type.GetInterfaces().Any(IsMediatorHandler))
            .Select(type => $"{type.FullName} is a public MediatR handler")
            .ToList();

    private static bool IsMediatorHandler(Type contract) =>
        contract.IsGenericType
        && contract.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IRequestHandler<,>) || definition == typeof(IRequestHandler<>) || definition == typeof(INotificationHandler<>));
}
