using System.Globalization;
using System.Threading.RateLimiting;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace BonSecours.Host.Api;

internal static class RateLimiting
{
    public const string TabletSignInLimitSetting = "RateLimiting:TabletSignInPerMinute";
    public const int DefaultTabletSignInPerMinute = 20;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly LocalizedText TooManyTabletRequests = new(
        "Vous avez fait trop d'essais. Attendez une minute, puis essayez encore.",
        "Too many attempts. Wait one minute, then try again.");

    /// <summary>
    /// Registers the fixed-window limit of the anonymous tablet endpoints, one window per
    /// client IP address, with a French or English 429 problem and a Retry-After header.
    /// </summary>
    public static IServiceCollection AddBonSecoursRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitLimit = configuration.GetValue(TabletSignInLimitSetting, DefaultTabletSignInPerMinute);
        if (permitLimit < 1)
        {
            throw new InvalidOperationException($"{TabletSignInLimitSetting} must be at least 1, but it is {permitLimit}.");
        }

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitPolicies.TabletSignIn, httpContext => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(httpContext),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = Window, QueueLimit = 0 }));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    // NOTE: behind a reverse proxy every request comes from the proxy's address, so all
    // tablets share one window until forwarded headers are configured.
    private static string ClientAddress(HttpContext httpContext) =>
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var httpContext = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        httpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

        var logger = httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimiting));
        logger.LogWarning("Rate limit reached on {Path} for client {ClientAddress}, retry after {RetryAfterSeconds} s",
            httpContext.Request.Path, ClientAddress(httpContext), Math.Ceiling(retryAfter.TotalSeconds));

        await ProblemResults.Result(httpContext, StatusCodes.Status429TooManyRequests, ProblemTitles.TooManyRequests,
            TooManyTabletRequests, "request.rate-limited").ExecuteAsync(httpContext);
    }
}
