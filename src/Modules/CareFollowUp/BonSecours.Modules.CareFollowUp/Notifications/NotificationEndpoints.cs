using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Reminders;
using BonSecours.Modules.CareFollowUp.Residents;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Notifications;

/// <summary>The signed-in resident's notifications, or for a caregiver those of the residents who consented.</summary>
internal sealed record ListMyNotifications : IQuery<IReadOnlyList<NotificationView>>;

internal sealed record MarkNotificationRead(Guid NotificationId) : ICommand<NotificationView>;

internal sealed class NotificationsHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, IRequestContext context, TimeProvider clock)
    : IRequestHandler<ListMyNotifications, IReadOnlyList<NotificationView>>, IRequestHandler<MarkNotificationRead, NotificationView>
{
    public async Task<IReadOnlyList<NotificationView>> Handle(ListMyNotifications query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ListMyNotifications));
        var residentIds = await ResidentsOfCallerAsync(session, cancellationToken);
        foreach (var residentId in residentIds)
        {
            await access.EnsureCanAccessAsync(session, residentId, "notifications.list", cancellationToken);
        }

        var notifications = await session.Query<Notification>()
            .Where(notification => notification.ResidentId.IsOneOf(residentIds))
            .OrderByDescending(notification => notification.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return notifications.Select(NotificationView.From).ToList();
    }

    public async Task<NotificationView> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(MarkNotificationRead));
        var notification = await session.LoadAsync<Notification>(command.NotificationId, cancellationToken);
        var residentIds = await ResidentsOfCallerAsync(session, cancellationToken);
        if (notification is null || !residentIds.Contains(notification.ResidentId))
        {
            throw new NotFoundException("notification.not-found", new LocalizedText(
                $"Aucune notification {command.NotificationId} pour vous.",
                $"No notification {command.NotificationId} for you."));
        }

        await access.EnsureCanAccessAsync(session, notification.ResidentId, "notifications.read", cancellationToken);
        notification.ReadAt ??= clock.GetUtcNow();
        session.Store(notification);
        await session.SaveChangesAsync(cancellationToken);
        return NotificationView.From(notification);
    }

    private async Task<Guid[]> ResidentsOfCallerAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.PersonId, out var personId))
        {
            return [];
        }

        if (context.Role == Roles.Resident)
        {
            return [personId];
        }

        if (context.Role == Roles.Caregiver)
        {
            var files = await session.Query<ResidentCareFile>()
                .Where(file => file.ConsentedCaregiverIds.Contains(personId))
                .ToListAsync(cancellationToken);
            return files.Select(file => file.Id).ToArray();
        }

        return [];
    }
}

internal static class NotificationEndpoints
{
    private static readonly IReadOnlySet<string> Topics = new HashSet<string> { ReminderDelivery.Topic };

    public static void Map(IEndpointRouteBuilder api)
    {
        Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> onlyPeople = policy =>
            policy.RequireClaim(ClaimNames.Residence).RequireClaim(ClaimNames.Role, Roles.Resident, Roles.Caregiver);

        api.MapGet("/notifications", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListMyNotifications(), cancellationToken))
            .RequireAuthorization(onlyPeople)
            .WithTags("Notifications")
            .WithSummary("Mes notifications (résident ou aidant)");

        api.MapPost("/notifications/{notificationId:guid}/read", (Guid notificationId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new MarkNotificationRead(notificationId), cancellationToken))
            .RequireAuthorization(onlyPeople)
            .WithTags("Notifications")
            .WithSummary("Marque une notification comme lue");

        api.MapGet("/notifications/stream", (RealtimeBroker broker, IRequestContext context, CancellationToken cancellationToken) =>
                RealtimeStreams.Open(broker, context, Topics, cancellationToken))
            .RequireAuthorization(onlyPeople)
            .WithTags("Notifications")
            .WithSummary("Flux en direct (server-sent events) de mes notifications");
    }
}
