using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Settings;

internal sealed record CareSettingsView(int AcknowledgementDeadlineSeconds, IReadOnlyList<EscalationTarget> EscalationChain)
{
    public static CareSettingsView From(CareSettings settings) => new(settings.AcknowledgementDeadlineSeconds, settings.EscalationChain);
}

internal sealed record ChangeCareSettings(int AcknowledgementDeadlineSeconds, IReadOnlyList<EscalationTarget>? EscalationChain) : ICommand<CareSettingsView>;

internal sealed class ChangeCareSettingsValidator : AbstractValidator<ChangeCareSettings>
{
    public const int MaximumDeadlineSeconds = 3600;
    public const int MaximumChainLength = 20;

    public ChangeCareSettingsValidator()
    {
        RuleFor(command => command.AcknowledgementDeadlineSeconds).InclusiveBetween(1, MaximumDeadlineSeconds)
            .Named("délai de prise en charge (secondes)", "acknowledgement deadline (seconds)");
        RuleFor(command => command.EscalationChain).NotEmpty().Named("chaîne d'escalade", "escalation chain");
        RuleFor(command => command.EscalationChain!.Count).LessThanOrEqualTo(MaximumChainLength)
            .When(command => command.EscalationChain is not null)
            .Named("nombre de niveaux de la chaîne d'escalade", "number of escalation levels");
        RuleForEach(command => command.EscalationChain).IsInEnum().Named("niveau de la chaîne d'escalade", "escalation level");
    }
}

internal sealed class ChangeCareSettingsHandler(ModuleSessions<ICareFollowUpStore> sessions) : IRequestHandler<ChangeCareSettings, CareSettingsView>
{
    public async Task<CareSettingsView> Handle(ChangeCareSettings command, CancellationToken cancellationToken)
    {
        var settings = new CareSettings
        {
            AcknowledgementDeadlineSeconds = command.AcknowledgementDeadlineSeconds,
            EscalationChain = [.. command.EscalationChain!],
        };

        await using var session = sessions.OpenForWrite(nameof(ChangeCareSettings));
        session.Store(settings);
        await session.SaveChangesAsync(cancellationToken);
        return CareSettingsView.From(settings);
    }
}

internal sealed record GetCareSettings : IQuery<CareSettingsView>;

internal sealed class GetCareSettingsHandler(ModuleSessions<ICareFollowUpStore> sessions) : IRequestHandler<GetCareSettings, CareSettingsView>
{
    public async Task<CareSettingsView> Handle(GetCareSettings query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        return CareSettingsView.From(await CareSettings.LoadAsync(session, cancellationToken));
    }
}

internal static class CareSettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/care-settings", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetCareSettings(), cancellationToken))
            .RequireAuthorization(CarePolicies.CareManagement)
            .WithTags("Soins")
            .WithSummary("Réglages des soins : délai de prise en charge et chaîne d'escalade");
        api.MapPut("/care-settings", (ChangeCareSettings command, IMediator mediator, CancellationToken cancellationToken) => mediator.Send(command, cancellationToken))
            .RequireAuthorization(CarePolicies.CareManagement)
            .WithTags("Soins")
            .WithSummary("Modifie les réglages des soins de la résidence");
    }
}
