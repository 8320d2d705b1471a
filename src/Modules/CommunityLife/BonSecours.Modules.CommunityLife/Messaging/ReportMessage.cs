using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record ReportMessage(Guid ConversationId, Guid MessageId, string? Reason) : ICommand<MessageReportView>;

internal sealed class ReportMessageValidator : AbstractValidator<ReportMessage>
{
    public const int MaxReasonLength = 1000;

    public ReportMessageValidator() =>
        RuleFor(command => command.Reason)
            .Must(reason => !string.IsNullOrWhiteSpace(reason))
            .Says("Dites en quelques mots ce qui ne va pas.", "Give the reason for the report.")
            .MaximumLength(MaxReasonLength)
            .Named("raison", "reason");
}

/// <summary>
/// Reports a message to the activity coordinators. Any participant of the conversation may
/// report another person's message, once.
/// </summary>
internal sealed class ReportMessageHandler(
    ModuleSessions<ICommunityLifeStore> sessions, MessagingAccess access, TimeProvider clock, ILogger<ReportMessageHandler> logger)
    : IRequestHandler<ReportMessage, MessageReportView>
{
    /// <summary>Runs the report again when a concurrent copy inserted it first, so the retry returns that report.</summary>
    public Task<MessageReportView> Handle(ReportMessage command, CancellationToken cancellationToken) =>
        WriteRetry.RunAsync(logger, nameof(ReportMessage), () => ReportOnceAsync(command, cancellationToken), cancellationToken);

    private async Task<MessageReportView> ReportOnceAsync(ReportMessage command, CancellationToken cancellationToken)
    {
        var reporter = access.Caller();
        await using var session = sessions.OpenForWrite(nameof(ReportMessage));
        await access.EnsureParticipantAsync(session, command.ConversationId, cancellationToken);
        var message = await session.LoadAsync<ConversationMessage>(command.MessageId, cancellationToken);
        if (message is null || message.ConversationId != command.ConversationId)
        {
            throw new NotFoundException("messaging.message-not-found", new LocalizedText(
                "Ce message n'existe pas.",
                $"No message {command.MessageId} in this conversation."));
        }

        if (message.Sender.Key == reporter.Key)
        {
            throw new DomainRuleException("messaging.own-message-report", new LocalizedText(
                "Vous ne pouvez pas signaler votre propre message.",
                "You cannot report your own message."));
        }

        // The id comes from the message and the reporter, so a second report by the same person,
        // even one sent at the same instant, finds the first one, and the coordinator's queue
        // contains one entry per person and message.
        var id = DeterministicGuid.Create("message-report", message.Id.ToString(), reporter.Key);
        var existing = await session.LoadAsync<MessageReport>(id, cancellationToken);
        if (existing is not null)
        {
            return (await MessageReportView.LoadAsync(session, [existing], cancellationToken))[0];
        }

        var report = new MessageReport
        {
            Id = id,
            ConversationId = command.ConversationId,
            MessageId = message.Id,
            ReportedBy = reporter,
            Sender = message.Sender,
            Reason = command.Reason!.Trim(),
            ReportedAt = MessageReport.ToMicroseconds(clock.GetUtcNow()),
        };
        session.Insert(report);
        await session.SaveChangesAsync(cancellationToken);
        var views = await MessageReportView.LoadAsync(session, [report], cancellationToken);
        return views[0];
    }
}

internal sealed record ReportBody(string? Reason);

internal static class ReportMessageEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/conversations/{conversationId:guid}/messages/{messageId:guid}/report",
                async (Guid conversationId, Guid messageId, ReportBody body, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var report = await mediator.Send(new ReportMessage(conversationId, messageId, body.Reason), cancellationToken);
                    return TypedResults.Created($"/api/v1/message-reports/{report.Id}", report);
                })
            .WithTags("Messagerie")
            .WithSummary("Signale un message à l'animatrice");
    }
}
