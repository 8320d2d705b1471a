namespace BonSecours.BuildingBlocks.Http;

/// <summary>Names of the rate-limiting policies the Host registers and endpoints require.</summary>
public static class RateLimitPolicies
{
    /// <summary>
    /// The anonymous tablet endpoints (pairing and PIN sign-in), limited per client IP
    /// address in a one-minute fixed window.
    /// </summary>
    public const string TabletSignIn = "tablet-sign-in";
}
