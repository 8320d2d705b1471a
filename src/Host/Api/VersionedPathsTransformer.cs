using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BonSecours.Host.Api;

/// <summary>
/// Writes the document's paths with their version filled in (/api/v1/flats rather than
/// /api/v{version}/flats) and drops the version path parameter, which clients never choose
/// inside one document.
/// </summary>
internal sealed class VersionedPathsTransformer(string version) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var operation in item.Operations?.Values.ToList() ?? [])
            {
                var versionParameter = operation.Parameters?.FirstOrDefault(parameter => parameter.Name == "version");
                if (versionParameter is not null)
                {
                    operation.Parameters!.Remove(versionParameter);
                }
            }

            paths.Add(path.Replace("v{version}", version), item);
        }

        document.Paths = paths;
        return Task.CompletedTask;
    }
}
