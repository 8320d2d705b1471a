using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Xunit;

namespace BonSecours.Tests.Integration.Platform;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_keeps_residents()
    {
        var first = new BonSecoursHost();
        await first.InitializeAsync();
        var admin = first.ClientFor(Roles.Administrator);
        var ids = new List<Guid>();
        for (var index = 0; index < 3; index++)
        {
            ids.Add(await admin.RegisterResidentAsync("Hélène", $"Durable{(char)('a' + index)}"));
        }

        var flatId = await admin.RegisterFlatAsync("R1");
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveInAsync(ids[0], flatId)).StatusCode);
        await first.DisposeAsync();

        var second = new BonSecoursHost { ExistingConnectionString = first.ConnectionString };
        await second.InitializeAsync();
        try
        {
            var client = second.ClientFor(Roles.Administrator);
            var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/residents?search=durable");
            var found = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).Order().ToList();
            var moved = await client.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{ids[0]}");

            Assert.Equal(ids.Order(), found);
            Assert.Equal(flatId, moved.GetProperty("flatId").GetGuid());
            Assert.Equal("Hélène", moved.GetProperty("firstName").GetString());
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
