namespace BonSecours.BuildingBlocks.Domain;

/// <summary>Base of the failures the HTTP layer turns into problem responses.</summary>
public abstract class DomainException(string code, LocalizedText detail) : Exception(detail.English)
{
    /// <summary>A stable, machine-readable code such as <c>resident.already-moved-out</c>.</summary>
    public string Code { get; } = code;

    public LocalizedText Detail { get; } = detail;
}

/// <summary>A business rule rejected the command (HTTP 422).</summary>
public sealed class DomainRuleException(string code, LocalizedText detail) : DomainException(code, detail);

/// <summary>The thing the request names does not exist in the caller's residence (HTTP 404).</summary>
public sealed class NotFoundException(string code, LocalizedText detail) : DomainException(code, detail);

/// <summary>The request clashes with the current state, such as a duplicate (HTTP 409).</summary>
public sealed class ConflictException(string code, LocalizedText detail) : DomainException(code, detail);

/// <summary>The caller may not act on this particular resource (HTTP 403).</summary>
public sealed class AccessDeniedException(string code, LocalizedText detail) : DomainException(code, detail);

/// <summary>The client's If-Match names a version the stream has moved past (HTTP 412).</summary>
public sealed class StaleVersionException(long expected, long actual)
    : Exception($"Expected version {expected} but the stream is at version {actual}.")
{
    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}
