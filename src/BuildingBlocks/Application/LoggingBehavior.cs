using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace BonSecours.BuildingBlocks.Application;

/// <summary>
/// Writes one structured line when a request starts, ends or fails, with its module,
/// its name, the correlation id and the residence. Request bodies are never logged
/// because they can hold names and health data.
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(
    ILogger<LoggingBehavior<TRequest, TResponse>> logger,
    IRequestContext context) : IPipelineBehavior<TRequest, TResponse>
{
    private const string AnonymousRole = "anonymous";

    public async Task<TResponse> Handle(
        TRequest request,
        CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var requestName = typeof(TRequest).Name;
        var module = ModuleNames.Of(typeof(TRequest));
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Module"] = module,
            ["Request"] = requestName,
            ["CorrelationId"] = context.CorrelationId,
            // An anonymous request (a tablet pairing or sign-in) has no residence claim, so its
            // handler finds the residence from the code or device token it receives.
            ["Residence"] = context.Role == AnonymousRole ? null : context.ResidenceId,
        });

        var started = Stopwatch.GetTimestamp();
        logger.LogInformation("Executing {Module} request {Request}", module, requestName);
        try
        {
            var response = await next();
            logger.LogInformation(
                "Processed {Module} request {Request} in {ElapsedMs} ms",
                module, requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            logger.LogWarning(
                "Request {Module} {Request} failed with {ExceptionType}",
                module, requestName, exception.GetType().Name);
            throw;
        }
    }
}
