using BonSecours.Modules.Residents.Demo;

namespace BonSecours.Host;

/// <summary>Development only: fills the demo residence once the Host has started.</summary>
internal sealed class DemoDataService(IServiceProvider services, IConfiguration configuration, ILogger<DemoDataService> logger) : IHostedService
{
    public const string DefaultResidence = "arras-bon-secours";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var residence = configuration["Demo:ResidenceId"] ?? DefaultResidence;
        await DemoDataSeeder.SeedAsync(services, residence, logger, cancellationToken);
        await BonSecours.Modules.CommunityLife.Games.GamesDemoSeeder.SeedAsync(services, residence, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
