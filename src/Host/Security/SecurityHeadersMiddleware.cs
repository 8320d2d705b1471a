namespace BonSecours.Host.Security;

/// <summary>
/// Adds the Content-Security-Policy, X-Content-Type-Options and Referrer-Policy headers to
/// every response. The portal gets a strict policy, so it must never use inline scripts or
/// inline style attributes. The Scalar API page at /api-docs gets a looser policy that allows
/// inline scripts and styles, because the page Scalar.AspNetCore 3.0 serves starts with an
/// inline module script.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string PortalPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // Still same-origin only: Scalar is configured in Program.cs not to load fonts or the agent from its CDN.
    public const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static readonly PathString ApiDocsPath = new("/api-docs");

    public Task InvokeAsync(HttpContext context)
    {
        // Set when the response starts, because the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath) ? ApiDocsPolicy : PortalPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
