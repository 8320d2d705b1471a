using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace BonSecours.Tests.Support;

/// <summary>
/// The real Host, started in memory on its own fresh PostgreSQL database. Use
/// <see cref="ClientFor"/> to call it as a given role of a given residence.
/// </summary>
public class BonSecoursHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ResidenceA = "residence-a";
    public const string ResidenceB = "residence-b";

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>
    /// A database an earlier host used, to start on its data (a restart) instead of a
    /// fresh database. Null, the default, creates a new database.
    /// </summary>
    public string? ExistingConnectionString { get; init; }

    /// <summary>ASPNETCORE environment of the Host; "Testing" has no demo data and no demo accounts.</summary>
    protected virtual string EnvironmentName => "Testing";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"bonsecours-host-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        ConnectionString = ExistingConnectionString ?? await TestPostgres.CreateDatabaseAsync();
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:BonSecours", ConnectionString);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("BONSECOURS_DATA_DIR", DataDirectory);
        builder.UseSetting("Wolverine:DurabilityMode", "Solo");
        // Every test client shares one client address, so the per-address limit of the
        // tablet endpoints would otherwise reject a busy test class. RateLimitingTests
        // sets a low limit on its own host.
        builder.UseSetting("RateLimiting:TabletSignInPerMinute", "100000");
    }

    public HttpClient ClientFor(string role, string residence = ResidenceA, string? personId = null)
    {
        var client = CreateClient();
        return client.WithToken(TestTokens.For(role, residence, personId));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
