using Marten;
using Wolverine;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>Wolverine entry points of the daily check-in; the work is in <see cref="CheckInDeadlines"/>.</summary>
public static class CheckInDeadlineHandler
{
    public static Task Handle(CheckInDeadlineDue message, CheckInDeadlines deadlines, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken) =>
        deadlines.HandleDeadlineAsync(message, session, context, cancellationToken);

    public static Task Handle(MissedCheckInAlertDue message, CheckInDeadlines deadlines, IMessageContext context, CancellationToken cancellationToken) =>
        deadlines.AlertCaregiversAsync(message, context.TenantId ?? string.Empty, cancellationToken);
}
