namespace BonSecours.BuildingBlocks.Application;

/// <summary>Derives a module name from the namespace convention <c>BonSecours.Modules.{Module}...</c>.</summary>
public static class ModuleNames
{
    public static string Of(Type type)
    {
        var parts = (type.Namespace ?? string.Empty).Split('.');
        return parts.Length > 2 && parts[1] == "Modules" ? parts[2] : "Host";
    }
}
