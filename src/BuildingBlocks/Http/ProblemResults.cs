using System.Globalization;
using BonSecours.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BonSecours.BuildingBlocks.Http;

/// <summary>Builds RFC 9457 problem responses in the language the request asked for.</summary>
public static class ProblemResults
{
    public static ProblemDetails Create(HttpContext httpContext, int status, LocalizedText title, LocalizedText? detail, string? code = null)
    {
        var culture = CultureInfo.CurrentUICulture;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title.For(culture),
            Detail = detail?.For(culture),
            Type = $"https://datatracker.ietf.org/doc/html/rfc9110#status.{status}",
            Instance = httpContext.Request.Path,
        };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        return problem;
    }

    public static IResult Result(HttpContext httpContext, int status, LocalizedText title, LocalizedText? detail, string? code = null) =>
        Results.Problem(Create(httpContext, status, title, detail, code));
}
