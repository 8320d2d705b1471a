using BonSecours.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace BonSecours.BuildingBlocks.Http;

/// <summary>
/// Writes a French problem document where ASP.NET Core would send an error with an empty body.
/// That happens for a route whose id is not a GUID (404), a method the route does not take
/// (405) and a content type an endpoint does not accept (415). Other empty errors keep their
/// status and get a generic title.
/// </summary>
public static class EmptyErrorProblems
{
    public static Task WriteAsync(StatusCodeContext statusContext)
    {
        var httpContext = statusContext.HttpContext;
        var status = httpContext.Response.StatusCode;
        var (title, detail, code) = status switch
        {
            StatusCodes.Status404NotFound => (ProblemTitles.NotFound, new LocalizedText(
                "Cette adresse n'existe pas. Vérifiez le chemin et les identifiants, qui sont des GUID.",
                "No endpoint matches this path. Check the path and the ids, which are GUIDs."), "request.no-route"),
            StatusCodes.Status405MethodNotAllowed => (ProblemTitles.BadRequest, new LocalizedText(
                "Cette adresse n'accepte pas cette méthode HTTP.",
                "This path does not accept this HTTP method."), "request.method-not-allowed"),
            StatusCodes.Status415UnsupportedMediaType => (ProblemTitles.BadRequest, new LocalizedText(
                "Ce type de contenu n'est pas accepté ici. Vérifiez l'en-tête Content-Type.",
                "This content type is not accepted here. Check the Content-Type header."), "request.unsupported-media-type"),
            StatusCodes.Status400BadRequest => (ProblemTitles.BadRequest, new LocalizedText(
                "La requête est mal formée. Vérifiez l'adresse, ses paramètres et le corps de la requête.",
                "The request is malformed. Check the path, its parameters and the request body."), "request.malformed"),
            _ => (ProblemTitles.BadRequest, (LocalizedText?)null, "request.failed"),
        };

        return ProblemResults.Result(httpContext, status, title, detail, code).ExecuteAsync(httpContext);
    }
}
