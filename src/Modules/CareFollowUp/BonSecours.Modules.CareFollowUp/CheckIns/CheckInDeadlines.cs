using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Alerts;
using BonSecours.Modules.CareFollowUp.Residents;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>
/// Handles a passed check-in deadline: without a sign of life that day, records the missed
/// check-in, keeps a notification for each consented caregiver and alerts them once. Then
/// schedules the next day's deadline, so each opted-in resident always has one pending.
/// </summary>
public sealed class CheckInDeadlines
{
    public const string SystemUserId = "system:daily-check-in";

    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<IStaffAlertChannel> _channels;
    private readonly ILogger<CheckInDeadlines> _logger;

    internal CheckInDeadlines(TimeProvider clock, IEnumerable<IStaffAlertChannel> channels, ILogger<CheckInDeadlines> logger)
    {
        _clock = clock;
        _channels = channels.ToList();
        _logger = logger;
    }

    public async Task HandleDeadlineAsync(CheckInDeadlineDue message, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<DailyCheckIn>(DailyCheckIn.StreamIdOf(message.ResidentId), cancellationToken);
        var checkIn = stream.Aggregate;
        if (checkIn is null || !checkIn.Enabled || checkIn.Generation != message.Generation || checkIn.LastDeadlineDay >= message.Day)
        {
            return;
        }

        var deadline = ParisTime.DeadlineOn(message.Day, checkIn.Deadline);
        if (_clock.GetUtcNow() < deadline)
        {
            await context.ScheduleAsync(message, deadline);
            return;
        }

        stream.AppendOne(new CheckInDeadlinePassed(message.ResidentId, message.Day));
        if (!checkIn.ShowedSignOfLifeOn(message.Day))
        {
            await RecordMissedAsync(message, session, stream, context, cancellationToken);
        }

        var next = message.Day.AddDays(1);
        var nextDeadline = ParisTime.DeadlineOn(next, checkIn.Deadline);
        if (nextDeadline <= _clock.GetUtcNow())
        {
            (next, nextDeadline) = ParisTime.NextDeadline(_clock, checkIn.Deadline);
        }

        await context.ScheduleAsync(message with { Day = next }, nextDeadline);
    }

    private async Task RecordMissedAsync(
        CheckInDeadlineDue message, IDocumentSession session, JasperFx.Events.IEventStream<DailyCheckIn> stream, IMessageContext context, CancellationToken cancellationToken)
    {
        var file = await session.LoadAsync<ResidentCareFile>(message.ResidentId, cancellationToken);
        var caregiverIds = file is { LivesHere: true } ? file.ConsentedCaregiverIds.ToList() : [];
        stream.AppendOne(new CheckInMissed(message.ResidentId, message.Day, caregiverIds.Count));
        HealthDataAccess.RecordBySystem(session, message.ResidentId, SystemUserId, "check-ins.deadline", context.CorrelationId ?? string.Empty, _clock.GetUtcNow());

        foreach (var caregiverId in caregiverIds)
        {
            session.Store(new CaregiverNotification
            {
                Id = BonSecours.BuildingBlocks.Domain.DeterministicGuid.Create("notification", caregiverId.ToString(), message.ResidentId.ToString(), "check-in-missed", message.Day.ToString("O")),
                CaregiverId = caregiverId,
                ResidentId = message.ResidentId,
                Kind = MissedCheckInAlert.Kind,
                Day = message.Day,
                Title = MissedCheckInAlert.Title,
                Body = MissedCheckInAlert.Body,
                CreatedAt = _clock.GetUtcNow(),
            });
        }

        if (caregiverIds.Count > 0)
        {
            await context.PublishAsync(new MissedCheckInAlertDue(message.ResidentId, message.Day, caregiverIds));
        }
    }

    public async Task AlertCaregiversAsync(MissedCheckInAlertDue message, string residence, CancellationToken cancellationToken)
    {
        var alert = MissedCheckInAlert.For(residence, message);
        foreach (var channel in _channels)
        {
            try
            {
                await channel.SendAsync(alert, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                _logger.LogError(failure, "Missed check-in alert for resident {ResidentId} on {Day} failed on {Channel}",
                    message.ResidentId, message.Day, channel.GetType().Name);
            }
        }
    }
}
