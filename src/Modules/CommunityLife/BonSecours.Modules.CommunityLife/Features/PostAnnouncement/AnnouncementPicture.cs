using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.Features.PostAnnouncement;

/// <summary>An announcement's picture, stored in the module's schema so it is erased and backed up with it.</summary>
internal sealed class AnnouncementPicture
{
    /// <summary>2 MB, so a picture stays quick to load on a resident's tablet.</summary>
    public const int MaxLength = 2 * 1024 * 1024;

    public Guid Id { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    /// <summary>Returns the media type when the bytes are a JPEG or PNG image of the declared type and within the size limit.</summary>
    public static string Check(string? declaredType, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new DomainRuleException("announcement.picture-empty", new LocalizedText(
                "L'image est vide. Envoyez un fichier JPEG ou PNG.",
                "The picture is empty. Send a JPEG or PNG file."));
        }

        if (content.Length > MaxLength)
        {
            throw new DomainRuleException("announcement.picture-size", new LocalizedText(
                "L'image doit peser 2 Mo au plus.",
                $"The picture must be at most {MaxLength} bytes; it is {content.Length} bytes."));
        }

        var mediaType = declaredType?.Split(';')[0].Trim().ToLowerInvariant();
        var isJpeg = content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF;
        var isPng = content.Length > 8 && content.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        return (mediaType, isJpeg, isPng) switch
        {
            ("image/jpeg", true, _) => "image/jpeg",
            ("image/png", _, true) => "image/png",
            _ => throw new DomainRuleException("announcement.picture-type", new LocalizedText(
                "L'image doit être une photo JPEG ou PNG.",
                $"The picture must be a JPEG or PNG image sent as image/jpeg or image/png; received '{declaredType}'.")),
        };
    }
}
