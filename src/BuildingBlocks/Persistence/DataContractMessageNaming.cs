using System.Reflection;
using System.Runtime.Serialization;
using Wolverine.Util;

namespace BonSecours.BuildingBlocks.Persistence;

/// <summary>
/// Names an integration message on the wire after its <c>[DataContract]</c> namespace and
/// name (for example <c>residents.resident-moved-in.v1</c>), so Contracts types stay free
/// of any Wolverine attribute and can be renamed without breaking stored messages.
/// </summary>
public sealed class DataContractMessageNaming : IMessageTypeNaming
{
    public bool TryDetermineName(Type messageType, out string messageTypeName)
    {
        if (messageType.GetCustomAttribute<DataContractAttribute>() is { Name: { Length: > 0 } name, Namespace: { Length: > 0 } ns })
        {
            messageTypeName = $"{ns}.{name}";
            return true;
        }

        messageTypeName = string.Empty;
        return false;
    }
}
