using System.Net.Http.Json;
using BonSecours.BuildingBlocks.Security;
using Xunit;
using static BonSecours.Tests.Integration.CareFollowUp.CallsApi;

namespace BonSecours.Tests.Integration.CareFollowUp;

public sealed class PriorityCallRestartTests
{
    [Fact]
    public async Task Restarted_host_escalates_once()
    {
        var first = new CallsHost();
        await first.InitializeAsync();
        var residentId = await ResidentLivingHereAsync(first);
        await SetDeadlineAsync(first, 6);
        var callId = (await RaiseAsync(Resident(first, residentId))).GetProperty("id").GetGuid();

        // Later levels wait an hour, so only the timer scheduled before the stop can fire.
        await SetDeadlineAsync(first, 3600);
        await first.DisposeAsync();
        var second = new CallsHost { ExistingConnectionString = first.ConnectionString };
        await second.InitializeAsync();
        try
        {
            var resident = Resident(second, residentId);
            var escalated = await WaitForCallAsync(resident, callId, call => call.GetProperty("level").GetInt32() >= 1, TimeSpan.FromSeconds(40));
            await Task.Delay(TimeSpan.FromSeconds(4));
            var later = await GetCallAsync(resident, callId);

            // No helper is linked, so the one escalation goes straight to the on-call manager.
            Assert.Equal("onCallManager", escalated.GetProperty("currentTarget").GetString());
            Assert.Equal(2, later.GetProperty("escalations").GetArrayLength());
            Assert.Equal(escalated.GetProperty("level").GetInt32(), later.GetProperty("level").GetInt32());
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
