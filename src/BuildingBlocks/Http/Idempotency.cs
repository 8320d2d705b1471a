namespace BonSecours.BuildingBlocks.Http;

/// <summary>Endpoint metadata: this POST honours the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentEndpointMetadata;

/// <summary>
/// The first response to a request carrying an <c>Idempotency-Key</c>, kept so a retry
/// gets the same answer instead of creating the thing twice.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Id { get; set; } = string.Empty;

    /// <summary>SHA-256 of the method, path and body of the first request, in hex.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public bool Completed { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
