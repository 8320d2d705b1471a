using System.Text.Json;
using System.Text.Json.Nodes;
using BonSecours.Tests.Architecture.Rules;
using Snapshooter.Xunit;
using Xunit;

namespace BonSecours.Tests.Architecture.Snapshots;

/// <summary>
/// Every Contracts message, found by reflection, serialized with System.Text.Json web defaults
/// next to its wire alias. A new or changed message fails until its snapshot is committed.
/// </summary>
public class ContractSnapshotTests
{
    [Fact]
    public void Contract_messages_match_snapshot()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var messages = new JsonObject();
        foreach (var type in Modules.All.SelectMany(module => ContractRules.MessageTypes(module.Contracts)).OrderBy(type => type.FullName, StringComparer.Ordinal))
        {
            messages[type.FullName!] = new JsonObject
            {
                ["alias"] = ContractRules.Alias(type),
                ["sample"] = JsonSerializer.SerializeToNode(SampleValues.Create(type), type, options),
            };
        }

        Snapshot.Match(messages.ToJsonString(SnapshotJson.Indented));
    }
}
