using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BonSecours.Tests.Integration.Residents;
using BonSecours.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace BonSecours.Tests.Integration.Platform;

/// <summary>A host that lets three tablet requests per minute through, so the test reaches the limit quickly.</summary>
public sealed class RateLimitedHost : BonSecoursHost
{
    public const int Limit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:TabletSignInPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class RateLimitingTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    [Fact]
    public async Task Tablet_endpoints_reject_requests_past_limit()
    {
        var anonymous = host.CreateClient();
        var signIn = new { deviceToken = $"{BonSecoursHost.ResidenceA}.{Guid.NewGuid():N}.not-a-secret", pin = "2580" };

        var allowed = new List<HttpResponseMessage>();
        for (var request = 0; request < RateLimitedHost.Limit; request++)
        {
            allowed.Add(await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", signIn));
        }

        var rejectedSignIn = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/sign-in", signIn);
        var rejectedPairing = await anonymous.PostAsJsonAsync("/api/v1/auth/tablet/pair", new { pairingCode = "ABCDEFGH" });
        var health = await anonymous.GetAsync("/health");

        Assert.All(allowed, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        var problem = await rejectedSignIn.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Trop de demandes.", problem.Text("title"));
        Assert.Equal("Vous avez fait trop d'essais. Attendez une minute, puis essayez encore.", problem.Text("detail"));
        Assert.Equal("request.rate-limited", problem.Text("code"));
        var retryAfter = rejectedSignIn.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        await rejectedPairing.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
