using System.Security.Cryptography;
using System.Text;
using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;

namespace BonSecours.BuildingBlocks.Http;

/// <summary>
/// Replays the first response of a POST retried with the same <c>Idempotency-Key</c>.
/// A pending record is inserted before the endpoint runs, so two concurrent copies of one
/// request cannot both execute: the loser gets a 409 and may retry.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    private const string HeaderName = "Idempotency-Key";
    private const int MaxKeyLength = 128;

    /// <summary>A pending claim older than this was left by a request that never finished (a crash), so a retry may take it over.</summary>
    private static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext httpContext, IDocumentStore store, IRequestContext requestContext, TimeProvider clock)
    {
        var endpoint = httpContext.GetEndpoint();
        var key = httpContext.Request.Headers[HeaderName].ToString();
        if (endpoint?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null || string.IsNullOrEmpty(key))
        {
            await next(httpContext);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await ProblemResults.Result(httpContext, StatusCodes.Status400BadRequest, ProblemTitles.BadRequest, new LocalizedText(
                $"L'en-tête Idempotency-Key dépasse {MaxKeyLength} caractères.",
                $"The Idempotency-Key header is longer than {MaxKeyLength} characters."), "request.idempotency-key-too-long").ExecuteAsync(httpContext);
            return;
        }

        var id = $"{requestContext.ResidenceId}|{requestContext.UserId}|{httpContext.Request.Path}|{key}";
        var hash = await HashRequestAsync(httpContext.Request);

        await using (var query = store.QuerySession())
        {
            var existing = await query.LoadAsync<IdempotencyRecord>(id, httpContext.RequestAborted);
            if (existing is { Completed: false } && existing.CreatedAt < clock.GetUtcNow() - AbandonedClaimAge)
            {
                await ReleaseAbandonedClaimAsync(store, id);
                existing = null;
            }

            if (existing is not null)
            {
                await ReplayAsync(httpContext, existing, hash);
                return;
            }
        }

        if (!await TryClaimAsync(store, id, hash, clock.GetUtcNow(), httpContext.RequestAborted))
        {
            await WriteInProgressAsync(httpContext);
            return;
        }

        await ExecuteAndRecordAsync(httpContext, store, id, hash, clock);
    }

    private async Task ExecuteAndRecordAsync(HttpContext httpContext, IDocumentStore store, string id, string hash, TimeProvider clock)
    {
        var originalBody = httpContext.Response.Body;
        using var buffer = new MemoryStream();
        httpContext.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(httpContext);
            completed = true;
        }
        finally
        {
            httpContext.Response.Body = originalBody;
            await using var session = store.LightweightSession();
            if (completed && httpContext.Response.StatusCode < 500)
            {
                session.Store(new IdempotencyRecord
                {
                    Id = id,
                    RequestHash = hash,
                    Completed = true,
                    StatusCode = httpContext.Response.StatusCode,
                    ContentType = httpContext.Response.ContentType,
                    Location = httpContext.Response.Headers.Location.ToString(),
                    ETag = httpContext.Response.Headers.ETag.ToString(),
                    Body = Encoding.UTF8.GetString(buffer.ToArray()),
                    CreatedAt = clock.GetUtcNow(),
                });
            }
            else
            {
                // A failed attempt must not block the retry that the key exists for.
                session.Delete<IdempotencyRecord>(id);
            }

            await session.SaveChangesAsync(CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, httpContext.RequestAborted);
    }

    private static async Task ReleaseAbandonedClaimAsync(IDocumentStore store, string id)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotencyRecord>(id);
        await session.SaveChangesAsync(CancellationToken.None);
    }

    private static async Task<bool> TryClaimAsync(IDocumentStore store, string id, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(new IdempotencyRecord { Id = id, RequestHash = hash, CreatedAt = now });
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private static async Task ReplayAsync(HttpContext httpContext, IdempotencyRecord record, string hash)
    {
        if (!record.Completed)
        {
            await WriteInProgressAsync(httpContext);
            return;
        }

        if (record.RequestHash != hash)
        {
            await ProblemResults.Result(httpContext, StatusCodes.Status422UnprocessableEntity, ProblemTitles.RuleViolated, new LocalizedText(
                "Cette clé d'idempotence a déjà servi pour une autre requête. Utilisez une nouvelle clé.",
                "This idempotency key was already used for a different request. Use a new key."), "request.idempotency-key-reused").ExecuteAsync(httpContext);
            return;
        }

        httpContext.Response.StatusCode = record.StatusCode;
        httpContext.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(record.ContentType))
        {
            httpContext.Response.ContentType = record.ContentType;
        }

        if (!string.IsNullOrEmpty(record.Location))
        {
            httpContext.Response.Headers.Location = record.Location;
        }

        if (!string.IsNullOrEmpty(record.ETag))
        {
            httpContext.Response.Headers.ETag = record.ETag;
        }

        await httpContext.Response.WriteAsync(record.Body, httpContext.RequestAborted);
    }

    private static Task WriteInProgressAsync(HttpContext httpContext) =>
        ProblemResults.Result(httpContext, StatusCodes.Status409Conflict, ProblemTitles.Conflict, new LocalizedText(
            "Une requête avec la même clé d'idempotence est encore en cours. Réessayez dans un instant.",
            "A request with the same idempotency key is still running. Retry in a moment."), "request.idempotency-key-in-progress").ExecuteAsync(httpContext);

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
