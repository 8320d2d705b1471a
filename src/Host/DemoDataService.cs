using BonSecours.Modules.Residents.Demo;

namespace BonSecours.Host;

/// <summary>Development only: fills the demo residence once the Host has started.</summary>
internal sealed class DemoDataService(IServiceProvider services, IConfiguration configuration, ILogger<DemoDataService> logger) : IHostedService
{
    public const string DefaultResidence = "arras-bon-secours";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var residenceId = configuration["Demo:ResidenceId"] ?? DefaultResidence;
        await DemoDataSeeder.SeedAsync(services, residenceId, logger, cancellationToken);
        _ = Task.Run(() => BonSecours.Modules.CommunityLife.Messaging.MessagingDemoSeeder.SeedAsync(services, residenceId, logger, CancellationToken.None), CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
