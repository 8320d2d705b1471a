using BonSecours.Modules.CareFollowUp.Demo;
using BonSecours.Modules.CommunityLife.Demo;
using BonSecours.Modules.CommunityLife.Games;
using BonSecours.Modules.CommunityLife.Messaging;
using BonSecours.Modules.Residents.Demo;
using BonSecours.Modules.Services.Demo;

namespace BonSecours.Host;

/// <summary>
/// Development only: fills the demo residence once the Host has started. The residents
/// come first; the other modules learn of them through messages, so their demo data is
/// seeded in the background and start-up does not wait for it.
/// </summary>
internal sealed class DemoDataService(IServiceProvider services, IConfiguration configuration, ILogger<DemoDataService> logger) : IHostedService
{
    public const string DefaultResidence = "arras-bon-secours";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var residence = configuration["Demo:ResidenceId"] ?? DefaultResidence;
        await DemoDataSeeder.SeedAsync(services, residence, logger, cancellationToken);
        _ = Task.Run(() => SeedOtherModulesAsync(residence), CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedOtherModulesAsync(string residence)
    {
        (string Name, Func<Task> Seed)[] seeders =
        [
            ("on-call rota", () => CareDemoSeeder.SeedAsync(services, residence, logger, CancellationToken.None)),
            ("appointments", () => CareDemoDataSeeder.SeedAsync(services, residence, logger, CancellationToken.None)),
            ("conversations", () => MessagingDemoSeeder.SeedAsync(services, residence, logger, CancellationToken.None)),
            ("games", () => GamesDemoSeeder.SeedAsync(services, residence, logger, CancellationToken.None)),
            ("kiosk", () => ServicesDemoSeeder.SeedAsync(services, residence, logger, CancellationToken.None)),
            ("agenda", () => AgendaDemoSeeder.SeedAsync(services, residence, services.GetRequiredService<TimeProvider>(), logger, CancellationToken.None)),
        ];
        foreach (var (name, seed) in seeders)
        {
            try
            {
                await seed();
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Demo {DemoData} for {Residence} failed", name, residence);
            }
        }
    }
}
