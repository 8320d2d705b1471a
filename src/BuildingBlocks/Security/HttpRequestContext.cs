using System.Diagnostics;
using BonSecours.BuildingBlocks.Application;
using Microsoft.AspNetCore.Http;

namespace BonSecours.BuildingBlocks.Security;

/// <summary>Reads the request context from the caller's access token and request headers.</summary>
public sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public const string CorrelationHeader = "X-Correlation-Id";

    private HttpContext Http => accessor.HttpContext
        ?? throw new InvalidOperationException("No HTTP request is in progress.");

    public string UserId => Http.User.FindFirst(ClaimNames.Subject)?.Value ?? "anonymous";

    public string Role => Http.User.FindFirst(ClaimNames.Role)?.Value ?? "anonymous";

    public string ResidenceId => Http.User.FindFirst(ClaimNames.Residence)?.Value
        ?? throw new InvalidOperationException("The access token names no residence.");

    public string? PersonId => Http.User.FindFirst(ClaimNames.PersonId)?.Value;

    public string CorrelationId =>
        Http.Request.Headers[CorrelationHeader].FirstOrDefault() is { Length: > 0 and <= 128 } header
            ? header
            : Activity.Current?.TraceId.ToString() ?? Http.TraceIdentifier;

    public string CausationId => Http.TraceIdentifier;
}
