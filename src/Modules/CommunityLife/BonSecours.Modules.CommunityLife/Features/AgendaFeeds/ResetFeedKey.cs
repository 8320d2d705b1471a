using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using MediatR;

namespace BonSecours.Modules.CommunityLife.Features.AgendaFeeds;

/// <summary>The new key, shown once, and the feed address that uses it.</summary>
internal sealed record FeedKeyIssued(string Key, string Url);

/// <summary>Issues a new key for the residence's agenda feed; the previous key stops working.</summary>
internal sealed record ResetAgendaFeedKey : ICommand<FeedKeyIssued>;

/// <summary>Issues a new key for a resident's registrations feed; only the resident may do it.</summary>
internal sealed record ResetRegistrationsFeedKey(Guid ResidentId) : ICommand<FeedKeyIssued>;

internal sealed class ResetFeedKeyHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context, TimeProvider clock)
    : IRequestHandler<ResetAgendaFeedKey, FeedKeyIssued>, IRequestHandler<ResetRegistrationsFeedKey, FeedKeyIssued>
{
    public async Task<FeedKeyIssued> Handle(ResetAgendaFeedKey command, CancellationToken cancellationToken)
    {
        var key = await IssueAsync(FeedKey.ResidenceFeed, nameof(ResetAgendaFeedKey), cancellationToken);
        return new FeedKeyIssued(key, $"/api/v1/agenda.ics?key={Uri.EscapeDataString(key)}");
    }

    public async Task<FeedKeyIssued> Handle(ResetRegistrationsFeedKey command, CancellationToken cancellationToken)
    {
        if (!AgendaAccess.IsResident(context, command.ResidentId))
        {
            throw Domain.Agenda.AgendaRules.NotYourRegistration();
        }

        var key = await IssueAsync(FeedKey.ResidentFeed(command.ResidentId), nameof(ResetRegistrationsFeedKey), cancellationToken);
        return new FeedKeyIssued(key, $"/api/v1/residents/{command.ResidentId}/registrations.ics?key={Uri.EscapeDataString(key)}");
    }

    private async Task<string> IssueAsync(string id, string requestName, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(requestName);
        var (document, key) = FeedKey.Issue(id, context.ResidenceId, clock.GetUtcNow());
        session.Store(document);
        await session.SaveChangesAsync(cancellationToken);
        return key;
    }
}
