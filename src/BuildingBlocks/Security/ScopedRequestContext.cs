using BonSecours.BuildingBlocks.Application;
using Microsoft.AspNetCore.Http;

namespace BonSecours.BuildingBlocks.Security;

/// <summary>
/// The request context of the current scope: the HTTP caller's, or one set explicitly by
/// work that runs outside a request (demo data, the command-line import).
/// </summary>
public sealed class ScopedRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    private IRequestContext? _explicit;

    private IRequestContext Current => _explicit ?? new HttpRequestContext(accessor);

    public string UserId => Current.UserId;

    public string Role => Current.Role;

    public string ResidenceId => Current.ResidenceId;

    public string? PersonId => Current.PersonId;

    public string CorrelationId => Current.CorrelationId;

    public string CausationId => Current.CausationId;

    public void Use(IRequestContext context) => _explicit = context;
}

/// <summary>A request context for work a system account does on behalf of the landlord.</summary>
public sealed record SystemRequestContext(string UserId, string Role, string ResidenceId, string CorrelationId) : IRequestContext
{
    public string? PersonId => null;

    public string CausationId => CorrelationId;
}
