using BonSecours.Modules.Residents.Demo;

namespace BonSecours.Host;

/// <summary>Development only: fills the demo residence once the Host has started.</summary>
internal sealed class DemoDataService(IServiceProvider services, IConfiguration configuration, ILogger<DemoDataService> logger) : IHostedService
{
    public const string DefaultResidence = "arras-bon-secours";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DemoDataSeeder.SeedAsync(services, configuration["Demo:ResidenceId"] ?? DefaultResidence, logger, cancellationToken);
        _ = BonSecours.Modules.CommunityLife.Demo.AgendaDemoSeeder.StartSeeding(services, configuration["Demo:ResidenceId"] ?? DefaultResidence, logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
