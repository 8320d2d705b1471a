using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;

namespace BonSecours.Modules.CommunityLife.Features.PostAnnouncement;

internal sealed record PostAnnouncement(string Title, string Body) : ICommand<AgendaWriteResult>;

internal sealed class PostAnnouncementValidator : AbstractValidator<PostAnnouncement>
{
    public PostAnnouncementValidator()
    {
        RuleFor(command => command.Title).NotEmpty().MaximumLength(120).Named("titre", "title");
        RuleFor(command => command.Body).NotEmpty().MaximumLength(4000).Named("texte", "body");
    }
}

/// <summary>
/// Attaches a JPEG or PNG picture of at most <see cref="AnnouncementPicture.MaxLength"/> bytes,
/// replacing any earlier one. The description is read aloud in place of the picture.
/// </summary>
internal sealed record AddAnnouncementPicture(Guid AnnouncementId, string ContentType, byte[] Content, string? Description) : ICommand<AgendaWriteResult>;

internal sealed class AddAnnouncementPictureValidator : AbstractValidator<AddAnnouncementPicture>
{
    public const int MaxDescriptionLength = 250;

    public AddAnnouncementPictureValidator()
    {
        RuleFor(command => command.Description)
            .Must(description => !string.IsNullOrWhiteSpace(description))
            .Says("Décrivez l'image en quelques mots (paramètre description), pour les personnes qui ne la voient pas.",
                "Describe the picture in a few words (description parameter) for people who cannot see it.")
            .MaximumLength(MaxDescriptionLength)
            .Named("description", "description");
    }
}

/// <summary>An announcement as residents read it. <c>PictureDescription</c> is null without a picture or for one attached without a description.</summary>
internal sealed record AnnouncementView(Guid Id, string Title, string Body, DateTimeOffset PostedAt, string? PictureUrl, string? PictureDescription);

internal sealed record ListAnnouncements : IQuery<IReadOnlyList<AnnouncementView>>;

internal sealed record GetAnnouncementPicture(Guid AnnouncementId) : IQuery<AnnouncementPicture>;

internal sealed class PostAnnouncementHandler(ModuleSessions<ICommunityLifeStore> sessions, TimeProvider clock)
    : IRequestHandler<PostAnnouncement, AgendaWriteResult>,
      IRequestHandler<AddAnnouncementPicture, AgendaWriteResult>,
      IRequestHandler<ListAnnouncements, IReadOnlyList<AnnouncementView>>,
      IRequestHandler<GetAnnouncementPicture, AnnouncementPicture>
{
    public async Task<AgendaWriteResult> Handle(PostAnnouncement command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(PostAnnouncement));
        var id = Guid.NewGuid();
        session.Events.StartStream<Announcement>(id, new AnnouncementPosted(id, command.Title.Trim(), command.Body.Trim(), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(id, 1);
    }

    public async Task<AgendaWriteResult> Handle(AddAnnouncementPicture command, CancellationToken cancellationToken)
    {
        var contentType = AnnouncementPicture.Check(command.ContentType, command.Content);
        await using var session = sessions.OpenForWrite(nameof(AddAnnouncementPicture));
        var stream = await session.Events.FetchForWriting<Announcement>(command.AnnouncementId, cancellationToken);
        if (stream.Aggregate is null)
        {
            throw NotFound(command.AnnouncementId);
        }

        stream.AppendOne(new AnnouncementPictureAttached(command.AnnouncementId, contentType, command.Content.Length, command.Description!.Trim()));
        session.Store(new AnnouncementPicture { Id = command.AnnouncementId, ContentType = contentType, Content = command.Content });
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(command.AnnouncementId, stream.VersionAfter(1));
    }

    public async Task<IReadOnlyList<AnnouncementView>> Handle(ListAnnouncements query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var announcements = await session.Query<Announcement>().OrderByDescending(announcement => announcement.PostedAt).Take(100).ToListAsync(cancellationToken);
        return [.. announcements.Select(announcement => new AnnouncementView(announcement.Id, announcement.Title, announcement.Body, announcement.PostedAt,
            announcement.PictureContentType is null ? null : $"/api/v1/announcements/{announcement.Id}/picture",
            announcement.PictureDescription))];
    }

    public async Task<AnnouncementPicture> Handle(GetAnnouncementPicture query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        return await session.LoadAsync<AnnouncementPicture>(query.AnnouncementId, cancellationToken) ?? throw NotFound(query.AnnouncementId);
    }

    private static NotFoundException NotFound(Guid announcementId) => new("announcement.not-found", new LocalizedText(
        $"L'annonce {announcementId} ou son image n'existe pas dans cette résidence.",
        $"Announcement {announcementId} or its picture does not exist in this residence."));
}
