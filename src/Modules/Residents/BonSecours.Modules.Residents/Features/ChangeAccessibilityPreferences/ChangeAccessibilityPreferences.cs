using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ChangeAccessibilityPreferences;

/// <summary>Sets how the portal shows itself to a resident: text size, contrast, easy-read French, read-aloud.</summary>
internal sealed record ChangeAccessibilityPreferences(Guid ResidentId, AccessibilityPreferences Preferences, long? ExpectedVersion) : ICommand<WriteResult>;

internal sealed class ChangeAccessibilityPreferencesValidator : AbstractValidator<ChangeAccessibilityPreferences>
{
    public ChangeAccessibilityPreferencesValidator()
    {
        RuleFor(command => command.Preferences).NotNull().Named("préférences", "preferences");
        RuleFor(command => command.Preferences.TextSize).IsInEnum().When(command => command.Preferences is not null)
            .Named("taille du texte", "text size").OverridePropertyName("textSize");
    }
}

internal sealed class ChangeAccessibilityPreferencesHandler(ModuleSessions<IResidentsStore> sessions, ResidentAccess access)
    : IRequestHandler<ChangeAccessibilityPreferences, WriteResult>
{
    public async Task<WriteResult> Handle(ChangeAccessibilityPreferences command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ChangeAccessibilityPreferences));
        var profile = await session.LoadAsync<ResidentProfile>(command.ResidentId, cancellationToken) ?? throw ResidentRules.ResidentNotFound(command.ResidentId);
        access.EnsureCanChangePreferences(profile);
        var stream = await session.LoadForWriteAsync<Resident>(command.ResidentId, command.ExpectedVersion, () => ResidentRules.ResidentNotFound(command.ResidentId), cancellationToken);

        var events = stream.Aggregate!.ChangePreferences(command.Preferences);

        stream.AppendMany(events);
        var preferences = command.Preferences;
        if (events.Count > 0)
        {
            await sessions.Bus.PublishAsync(new Contracts.AccessibilityPreferencesChanged(
                command.ResidentId, preferences.TextSize.ToString(), preferences.HighContrast, preferences.EasyRead, preferences.ReadAloud));
        }

        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(command.ResidentId, stream.VersionAfter(events.Count));
    }
}

internal static class ChangeAccessibilityPreferencesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/residents/{residentId:guid}/preferences", async (Guid residentId, AccessibilityPreferences body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new ChangeAccessibilityPreferences(residentId, body, request.ExpectedVersion()), cancellationToken);
                response.SetETag(result.Version);
                return Results.Ok(result);
            })
            .WithTags("Résidents")
            .WithSummary("Modifie les préférences d'accessibilité (le résident, ses aidants autorisés, le personnel)");
}
