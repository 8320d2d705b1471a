using System.Text.Json;
using System.Text.Json.Nodes;
using BonSecours.Tests.Support;
using Snapshooter.Xunit;
using Xunit;

namespace BonSecours.Tests.Architecture.Snapshots;

/// <summary>The public OpenAPI document of the real Host: any change to the API shows in review.</summary>
public class OpenApiSnapshotTests(BonSecoursHost host) : IClassFixture<BonSecoursHost>
{
    [Fact]
    public async Task OpenApi_document_matches_snapshot()
    {
        var client = host.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        // The server URL depends on how the Host was started, not on the API.
        document.Remove("servers");
        Snapshot.Match(document.ToJsonString(SnapshotJson.Indented));
    }
}
