using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using FluentValidation;
using MediatR;
using Wolverine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

internal sealed record DailyCheckInSettings(bool Enabled, string? Deadline, bool PortalActivityCounts, bool PriorityCallCounts);

internal sealed record DailyCheckInView(Guid ResidentId, bool Enabled, string Deadline, bool PortalActivityCounts, bool PriorityCallCounts, DateTimeOffset? LastCheckInAt)
{
    public static DailyCheckInView Of(Guid residentId, DailyCheckIn? checkIn) => checkIn is null
        ? new(residentId, false, CheckInRules.Format(DailyCheckIn.DefaultDeadline), false, false, null)
        : new(residentId, checkIn.Enabled, CheckInRules.Format(checkIn.Deadline), checkIn.PortalActivityCounts, checkIn.PriorityCallCounts, checkIn.LastCheckInAt);
}

internal sealed record SetDailyCheckIn(Guid ResidentId, bool Enabled, string? Deadline, bool PortalActivityCounts, bool PriorityCallCounts) : ICommand<DailyCheckInView>;

internal sealed class SetDailyCheckInValidator : AbstractValidator<SetDailyCheckIn>
{
    public SetDailyCheckInValidator() =>
        RuleFor(command => command.Deadline)
            .Must(deadline => deadline is null || ParisTime.TryParseDeadline(deadline, out _))
            .Says("L'heure limite doit être une heure de la journée au format HH:MM, de 00:00 à 23:59.", "The deadline must be a time of day as HH:MM, from 00:00 to 23:59.")
            .Named("heure limite", "deadline");
}

/// <summary>
/// Turns the check-in on or off. The resident, a consented caregiver or care staff may do
/// it. Every change of settings starts a new generation and schedules its next deadline.
/// </summary>
internal sealed class SetDailyCheckInHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<SetDailyCheckIn, DailyCheckInView>
{
    public async Task<DailyCheckInView> Handle(SetDailyCheckIn command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(SetDailyCheckIn));
        await access.EnsureCanAccessAsync(session, command.ResidentId, "daily-check-in.change", cancellationToken);
        var stream = await session.Events.FetchForWriting<DailyCheckIn>(DailyCheckIn.StreamIdOf(command.ResidentId), cancellationToken);

        if (command.Enabled)
        {
            var deadline = ParisTime.TryParseDeadline(command.Deadline, out var parsed) ? parsed : DailyCheckIn.DefaultDeadline;
            var generation = (stream.Aggregate?.Generation ?? 0) + 1;
            stream.AppendOne(new DailyCheckInEnabled(command.ResidentId, deadline, command.PortalActivityCounts, command.PriorityCallCounts, generation));
            var (day, at) = ParisTime.NextDeadline(clock, deadline);
            await sessions.Bus.ScheduleAsync(new CheckInDeadlineDue(command.ResidentId, day, generation), at);
        }
        else if (stream.Aggregate is { Enabled: true })
        {
            stream.AppendOne(new DailyCheckInDisabled(command.ResidentId));
        }

        await session.SaveChangesAsync(cancellationToken);
        var saved = await session.Events.AggregateStreamAsync<DailyCheckIn>(DailyCheckIn.StreamIdOf(command.ResidentId), token: cancellationToken);
        return DailyCheckInView.Of(command.ResidentId, saved);
    }
}

internal static class SetDailyCheckInEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/residents/{residentId:guid}/daily-check-in", (Guid residentId, DailyCheckInSettings body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new SetDailyCheckIn(residentId, body.Enabled, body.Deadline, body.PortalActivityCounts, body.PriorityCallCounts), cancellationToken))
            .WithTags("Je vais bien")
            .WithSummary("Active ou coupe le « Je vais bien » quotidien d'un résident et fixe son heure limite (heure de Paris)");
}
