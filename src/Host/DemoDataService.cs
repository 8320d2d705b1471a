using BonSecours.Modules.Residents.Demo;
using BonSecours.Modules.Services.Demo;

namespace BonSecours.Host;

/// <summary>Development only: fills the demo residence once the Host has started.</summary>
internal sealed class DemoDataService(IServiceProvider services, IConfiguration configuration, ILogger<DemoDataService> logger) : IHostedService
{
    public const string DefaultResidence = "arras-bon-secours";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var residenceId = configuration["Demo:ResidenceId"] ?? DefaultResidence;
        await DemoDataSeeder.SeedAsync(services, residenceId, logger, cancellationToken);
        ServicesDemoSeeder.StartInBackground(services, residenceId, logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
