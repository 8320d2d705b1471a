using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Reminders;

/// <param name="DayBeforeAt">Paris local time "HH:mm" of the day-before reminder, or null for none.</param>
/// <param name="HoursBefore">Hours before the start, each from 1 to 72.</param>
internal sealed record ReminderSettingsBody(string? DayBeforeAt, List<int>? HoursBefore);

internal sealed record ReminderSettingsView(Guid ResidentId, string? DayBeforeAt, IReadOnlyList<int> HoursBefore);

/// <summary>Changes when a resident is reminded; it applies to appointments scheduled or moved afterwards.</summary>
internal sealed record SetReminderSettings(Guid ResidentId, string? DayBeforeAt, List<int>? HoursBefore) : ICommand<ReminderSettingsView>;

internal sealed class SetReminderSettingsValidator : AbstractValidator<SetReminderSettings>
{
    public SetReminderSettingsValidator()
    {
        RuleFor(command => command.DayBeforeAt)
            .Must(text => text is null || TimeOnly.TryParseExact(text, "HH:mm", out _))
            .Named("heure du rappel de la veille", "day-before reminder time")
            .Says("L'heure du rappel de la veille a la forme 18:00, ou vaut null pour aucun rappel.",
                  "The day-before reminder time must look like 18:00, or be null for none.");
        RuleFor(command => command.HoursBefore).Must(hours => hours is null || hours.Count <= 5)
            .Named("heures avant", "hours before")
            .Says("Au plus 5 rappels avant le rendez-vous.", "At most 5 reminders before the appointment.");
        RuleForEach(command => command.HoursBefore).InclusiveBetween(1, 72).Named("heures avant", "hours before");
    }
}

internal sealed class SetReminderSettingsHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access)
    : IRequestHandler<SetReminderSettings, ReminderSettingsView>
{
    public async Task<ReminderSettingsView> Handle(SetReminderSettings command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(SetReminderSettings));
        await access.EnsureCanAccessAsync(session, command.ResidentId, "reminder-settings.change", cancellationToken);

        var settings = new ReminderSettings
        {
            Id = command.ResidentId,
            DayBeforeAt = command.DayBeforeAt is null ? null : TimeOnly.ParseExact(command.DayBeforeAt, "HH:mm"),
            HoursBefore = (command.HoursBefore ?? []).Distinct().Order().ToList(),
        };
        session.Store(settings);
        await session.SaveChangesAsync(cancellationToken);
        return new ReminderSettingsView(settings.Id, command.DayBeforeAt, settings.HoursBefore);
    }
}

internal static class SetReminderSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/residents/{residentId:guid}/reminder-settings", (Guid residentId, ReminderSettingsBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new SetReminderSettings(residentId, body.DayBeforeAt, body.HoursBefore), cancellationToken))
            .WithTags("Rendez-vous médicaux")
            .WithSummary("Règle les rappels de rendez-vous d'un résident (la veille à une heure donnée, quelques heures avant)");
}
