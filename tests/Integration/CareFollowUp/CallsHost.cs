using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BonSecours.Tests.Integration.CareFollowUp;

/// <summary>A host that runs escalation timers within a second of their time and whose clock a test can move.</summary>
public sealed class CallsHost : BonSecoursHost
{
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Wolverine:ScheduledJobPollingSeconds", "1");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
