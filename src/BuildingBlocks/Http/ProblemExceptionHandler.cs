using System.Globalization;
using System.Text.Json;
using BonSecours.BuildingBlocks.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace BonSecours.BuildingBlocks.Http;

/// <summary>
/// Turns every failure that escapes an endpoint into a problem response: validation,
/// business rules, unknown ids and concurrency get their own status, anything else a 500
/// whose text gives nothing away.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => FromValidation(httpContext, validation),
            DomainRuleException rule => ProblemResults.Create(httpContext, StatusCodes.Status422UnprocessableEntity, ProblemTitles.RuleViolated, rule.Detail, rule.Code),
            NotFoundException notFound => ProblemResults.Create(httpContext, StatusCodes.Status404NotFound, ProblemTitles.NotFound, notFound.Detail, notFound.Code),
            ConflictException conflict => ProblemResults.Create(httpContext, StatusCodes.Status409Conflict, ProblemTitles.Conflict, conflict.Detail, conflict.Code),
            AccessDeniedException denied => ProblemResults.Create(httpContext, StatusCodes.Status403Forbidden, ProblemTitles.Forbidden, denied.Detail, denied.Code),
            StaleVersionException or JasperFx.ConcurrencyException =>
                ProblemResults.Create(httpContext, StatusCodes.Status412PreconditionFailed, ProblemTitles.PreconditionFailed, ProblemTitles.StaleVersionDetail, "concurrency.stale-version"),
            Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.DocumentAlreadyExistsException =>
                ProblemResults.Create(httpContext, StatusCodes.Status409Conflict, ProblemTitles.Conflict, ProblemTitles.AlreadyExistsDetail, "resource.already-exists"),
            BadHttpRequestException { InnerException: JsonException } or JsonException =>
                ProblemResults.Create(httpContext, StatusCodes.Status400BadRequest, ProblemTitles.BadRequest, ProblemTitles.MalformedBodyDetail, "request.malformed-body"),
            BadHttpRequestException bad => ProblemResults.Create(httpContext, bad.StatusCode, ProblemTitles.BadRequest, BindingDetail(bad), "request.malformed"),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = ProblemResults.Create(httpContext, StatusCodes.Status500InternalServerError, ProblemTitles.ServerError, null, "server.unexpected");
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromValidation(HttpContext httpContext, ValidationException validation)
    {
        var problem = ProblemResults.Create(
            httpContext,
            StatusCodes.Status400BadRequest,
            ProblemTitles.Validation,
            new LocalizedText("Corrigez les champs signalés puis réessayez.", "Fix the listed fields and try again."),
            "request.invalid");
        problem.Extensions["errors"] = validation.Errors
            .GroupBy(failure => JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray());
        return problem;
    }

    /// <summary>
    /// Names the parameter and value from ASP.NET Core's binding message, such as
    /// <c>Failed to bind parameter "int? limit" from "abc".</c>, or gives a general hint.
    /// </summary>
    private static LocalizedText BindingDetail(BadHttpRequestException bad)
    {
        var match = BindingFailure().Match(bad.Message);
        if (!match.Success)
        {
            return new LocalizedText(
                "Un paramètre de l'adresse ou de la requête n'a pas le bon format (par exemple un nombre ou une date).",
                "A parameter of the path or query has the wrong format (for example a number or a date).");
        }

        var name = match.Groups["parameter"].Value.Split(' ')[^1];
        var value = match.Groups["value"].Value;
        return new LocalizedText(
            $"Le paramètre « {name} » a une valeur invalide : « {value} ».",
            $"Parameter '{name}' has an invalid value: '{value}'.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("Failed to bind parameter \"(?<parameter>[^\"]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex BindingFailure();
}
