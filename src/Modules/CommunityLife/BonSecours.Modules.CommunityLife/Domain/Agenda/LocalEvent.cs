namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>An event of the town (a market, a concert) that the coordinator points residents to.</summary>
internal sealed record LocalEventPublished(Guid LocalEventId, string Title, string Place, DateOnly Date, string? Link);

internal sealed class LocalEvent
{
    public Guid Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public string? Link { get; set; }

    public void Apply(LocalEventPublished published)
    {
        Id = published.LocalEventId;
        Title = published.Title;
        Place = published.Place;
        Date = published.Date;
        Link = published.Link;
    }
}
