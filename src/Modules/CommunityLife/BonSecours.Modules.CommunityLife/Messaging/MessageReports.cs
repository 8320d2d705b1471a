using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <summary>A reported message as the coordinators read it, with the names of the reporter and the sender.</summary>
internal sealed record MessageReportView(
    Guid Id, Guid ConversationId, Guid MessageId, ParticipantView ReportedBy, ParticipantView Sender, string Reason, string? MessageText,
    DateTimeOffset ReportedAt, DateTimeOffset? ResolvedAt, string? Resolution)
{
    /// <summary>Builds the views of the reports given, in their order, with the reported texts and the names.</summary>
    public static async Task<IReadOnlyList<MessageReportView>> LoadAsync(IQuerySession session, IReadOnlyList<MessageReport> reports, CancellationToken cancellationToken)
    {
        var messages = (await session.LoadManyAsync<ConversationMessage>(cancellationToken, reports.Select(report => report.MessageId).Distinct()))
            .ToDictionary(message => message.Id);
        var names = await ParticipantNames.LoadAsync(session, reports.SelectMany(report => new[] { report.ReportedBy, report.Sender }), cancellationToken);
        return [.. reports.Select(report => new MessageReportView(
            report.Id, report.ConversationId, report.MessageId, names.View(report.ReportedBy), names.View(report.Sender), report.Reason,
            messages.GetValueOrDefault(report.MessageId)?.Text, report.ReportedAt, report.ResolvedAt, report.Resolution))];
    }
}

/// <summary>
/// One page of reports, newest first. <c>NextBefore</c> is the cursor of the next page, or null
/// after the last one. It is a UTC time ending in Z, so it needs no escaping in a query string.
/// </summary>
internal sealed record MessageReportPage(IReadOnlyList<MessageReportView> Items, DateTime? NextBefore);

/// <summary>
/// Lists reports made strictly before <c>Before</c>. <c>Status</c> "waiting" (the default)
/// leaves out the handled ones, and "all" keeps them.
/// </summary>
internal sealed record ListMessageReports(string? Status, DateTimeOffset? Before, int Limit) : IQuery<MessageReportPage>
{
    public bool WaitingOnly => Status is null or "waiting";
}

internal sealed class ListMessageReportsValidator : AbstractValidator<ListMessageReports>
{
    public const int MaxLimit = 200;

    public ListMessageReportsValidator()
    {
        RuleFor(query => query.Status)
            .Must(status => status is null or "waiting" or "all")
            .Says("Le filtre status doit valoir waiting ou all.", "The status filter must be waiting or all.");
        RuleFor(query => query.Limit).InclusiveBetween(1, MaxLimit).Named("limite", "limit");
    }
}

/// <summary>Marks a report handled, with an optional note. Marking it again keeps the first note.</summary>
internal sealed record ResolveMessageReport(Guid ReportId, string? Resolution) : ICommand<MessageReportView>;

internal sealed class ResolveMessageReportValidator : AbstractValidator<ResolveMessageReport>
{
    public const int MaxResolutionLength = 1000;

    public ResolveMessageReportValidator() =>
        RuleFor(command => command.Resolution).MaximumLength(MaxResolutionLength).Named("suite donnée", "resolution");
}

internal sealed class MessageReportsHandler(ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<ListMessageReports, MessageReportPage>, IRequestHandler<ResolveMessageReport, MessageReportView>
{
    public async Task<MessageReportPage> Handle(ListMessageReports query, CancellationToken cancellationToken)
    {
        EnsureCoordinator();
        await using var session = sessions.OpenForRead();
        var reports = Filter(session, query);
        if (query.Before is { } before)
        {
            reports = reports.Where(report => report.ReportedAt < before);
        }

        var page = await reports.OrderByDescending(report => report.ReportedAt).Take(query.Limit).ToListAsync(cancellationToken);
        DateTimeOffset? nextBefore = null;
        if (page.Count == query.Limit)
        {
            // The cursor is a time, so reports that share the last one's time all join this page,
            // and the next page, strictly before that time, neither skips nor repeats one.
            nextBefore = page[^1].ReportedAt;
            var last = nextBefore.Value;
            var sameTime = await Filter(session, query).Where(report => report.ReportedAt == last).ToListAsync(cancellationToken);
            page = [.. page.Where(report => report.ReportedAt != last), .. sameTime.OrderByDescending(report => report.Id)];
        }

        return new MessageReportPage(await MessageReportView.LoadAsync(session, page, cancellationToken), nextBefore?.UtcDateTime);
    }

    public async Task<MessageReportView> Handle(ResolveMessageReport command, CancellationToken cancellationToken)
    {
        EnsureCoordinator();
        await using var session = sessions.OpenForWrite(nameof(ResolveMessageReport));
        var report = await session.LoadAsync<MessageReport>(command.ReportId, cancellationToken)
            ?? throw new NotFoundException("messaging.report-not-found", new LocalizedText(
                $"Ce signalement n'existe pas ({command.ReportId}).",
                $"No message report {command.ReportId} in this residence."));

        if (report.ResolvedAt is null)
        {
            report.ResolvedAt = clock.GetUtcNow();
            report.ResolvedBy = context.UserId;
            report.Resolution = string.IsNullOrWhiteSpace(command.Resolution) ? null : command.Resolution.Trim();
            session.Store(report);
            await session.SaveChangesAsync(cancellationToken);
        }

        var views = await MessageReportView.LoadAsync(session, [report], cancellationToken);
        return views[0];
    }

    private static IQueryable<MessageReport> Filter(IQuerySession session, ListMessageReports query) =>
        query.WaitingOnly ? session.Query<MessageReport>().Where(report => report.ResolvedAt == null) : session.Query<MessageReport>();

    private void EnsureCoordinator()
    {
        if (!access.CallerIsCoordinator)
        {
            throw MessagingAccess.CoordinatorOnly();
        }
    }
}

internal sealed record ResolveReportBody(string? Resolution);

internal static class MessageReportsEndpoints
{
    public const int DefaultLimit = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/message-reports", (string? status, DateTimeOffset? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListMessageReports(status, before, limit ?? DefaultLimit), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Liste les messages signalés, les plus récents d'abord (animatrice) : status=waiting (par défaut) ou all, before=curseur nextBefore, limit de 1 à 200");

        api.MapPost("/message-reports/{reportId:guid}/resolve", (Guid reportId, ResolveReportBody? body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ResolveMessageReport(reportId, body?.Resolution), cancellationToken))
            .WithTags("Messagerie")
            .WithSummary("Marque un signalement comme traité, avec la suite donnée (animatrice)");
    }
}
