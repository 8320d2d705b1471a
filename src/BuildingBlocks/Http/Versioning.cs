using BonSecours.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BonSecours.BuildingBlocks.Http;

/// <summary>
/// Maps a stream version to an HTTP entity tag and back: reads send <c>ETag: "7"</c>,
/// writes may send <c>If-Match: "7"</c> to be rejected when the stream has moved on.
/// </summary>
public static class StreamVersionTags
{
    public static void SetETag(this HttpResponse response, long version) =>
        response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"", isWeak: false).ToString();

    /// <summary>
    /// Returns the version the client expects, or null when it sent no If-Match (or "*").
    /// A header that is not one of our tags is rejected rather than ignored, so a client
    /// never believes it wrote safely when it did not.
    /// </summary>
    public static long? ExpectedVersion(this HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], out var version) && version >= 0)
        {
            return version;
        }

        throw new DomainRuleException("request.invalid-if-match", new LocalizedText(
            $"L'en-tête If-Match « {header} » n'est pas une version valide. Utilisez la valeur de l'en-tête ETag reçu.",
            $"The If-Match header '{header}' is not a valid version. Send back the ETag value you received."));
    }
}
