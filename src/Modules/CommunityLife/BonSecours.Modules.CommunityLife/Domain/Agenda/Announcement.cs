namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

internal sealed record AnnouncementPosted(Guid AnnouncementId, string Title, string Body, DateTimeOffset PostedAt);

/// <summary>
/// A picture was attached. Its bytes live in an <c>AnnouncementPicture</c> document, not in the
/// event. The description is the picture's alternative text, and is null in events written
/// before pictures had one.
/// </summary>
internal sealed record AnnouncementPictureAttached(Guid AnnouncementId, string ContentType, int Length, string? Description = null);

/// <summary>A news item from the coordinator, with an optional picture.</summary>
internal sealed class Announcement
{
    public Guid Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset PostedAt { get; set; }

    public string? PictureContentType { get; set; }

    public string? PictureDescription { get; set; }

    public void Apply(AnnouncementPosted posted)
    {
        Id = posted.AnnouncementId;
        Title = posted.Title;
        Body = posted.Body;
        PostedAt = posted.PostedAt;
    }

    public void Apply(AnnouncementPictureAttached attached)
    {
        PictureContentType = attached.ContentType;
        PictureDescription = attached.Description;
    }
}
