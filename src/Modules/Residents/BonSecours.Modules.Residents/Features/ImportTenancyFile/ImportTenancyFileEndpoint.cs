using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ImportTenancyFile;

internal static class ImportTenancyFileEndpoint
{
    /// <summary>Largest file accepted: 5 MB, far more than the CSV of a residence of a few hundred tenants.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    private static readonly string[] AcceptedContentTypes = ["text/csv", "application/octet-stream"];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/imports/tenancy-file", async (HttpContext httpContext, TenancyFileImporter importer, CancellationToken cancellationToken) =>
            {
                var request = httpContext.Request;
                if (!IsAcceptedContentType(request.ContentType))
                {
                    return ProblemResults.Result(httpContext, StatusCodes.Status415UnsupportedMediaType, UnsupportedTitle, new LocalizedText(
                        $"Envoyez le fichier CSV avec le type text/csv ou application/octet-stream (reçu : « {request.ContentType} »).",
                        $"Send the CSV file as text/csv or application/octet-stream (received: '{request.ContentType}')."), "import.unsupported-media-type");
                }

                var content = request.ContentLength > MaxFileBytes ? null : await ReadBodyAsync(request.Body, cancellationToken);
                if (content is null)
                {
                    return ProblemResults.Result(httpContext, StatusCodes.Status413PayloadTooLarge, TooLargeTitle, new LocalizedText(
                        "Le fichier dépasse 5 Mo. Découpez-le en plusieurs fichiers puis importez-les l'un après l'autre.",
                        "The file is larger than 5 MB. Split it into several files and import them one after the other."), "import.file-too-large");
                }

                try
                {
                    return Results.Ok(await importer.ImportAsync(content, cancellationToken));
                }
                catch (InvalidTenancyFileException invalid)
                {
                    return ProblemResults.Result(httpContext, StatusCodes.Status400BadRequest, ProblemTitles.BadRequest, invalid.Detail, invalid.Code);
                }
            })
            .RequireAuthorization(Policies.TenancyRecords)
            .Accepts<byte[]>("text/csv", "application/octet-stream")
            .Produces<TenancyImportReport>()
            .WithTags("Imports")
            .WithSummary("Importe les logements et les résidents depuis le fichier CSV du logiciel de gestion locative");

    private static readonly LocalizedText UnsupportedTitle = new("Type de contenu non pris en charge.", "Unsupported media type.");

    private static readonly LocalizedText TooLargeTitle = new("Fichier trop volumineux.", "File too large.");

    private static bool IsAcceptedContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        return mediaType is not null && AcceptedContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads the body, or returns null as soon as it grows past <see cref="MaxFileBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
