using BonSecours.Modules.CareFollowUp.Demo;
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
        // The care files come from Residents messages; run in the background so start-up does not wait for them.
        _ = Task.Run(() => SeedCareAsync(residence), CancellationToken.None);
    }

    private async Task SeedCareAsync(string residence)
    {
        try
        {
            await CareDemoDataSeeder.SeedAsync(services, residence, logger, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Demo appointments for {Residence} failed", residence);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
