using System.Text.Json;
using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.ResidentHistory;

/// <summary>One event of a stream with everything an auditor needs: who, in which role, when, why.</summary>
internal sealed record HistoryEntry(
    long Version,
    long Sequence,
    string EventType,
    DateTimeOffset Timestamp,
    string? UserId,
    string? Role,
    string? Request,
    string? Module,
    string Residence,
    string? CorrelationId,
    string? CausationId,
    JsonElement Data);

internal sealed record GetResidentHistory(Guid ResidentId) : IQuery<IReadOnlyList<HistoryEntry>>;

internal sealed class GetResidentHistoryHandler(ModuleSessions<IResidentsStore> sessions) : IRequestHandler<GetResidentHistory, IReadOnlyList<HistoryEntry>>
{
    public async Task<IReadOnlyList<HistoryEntry>> Handle(GetResidentHistory query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var events = await session.Events.FetchStreamAsync(query.ResidentId, token: cancellationToken);
        if (events.Count == 0)
        {
            throw ResidentRules.ResidentNotFound(query.ResidentId);
        }

        return events.Select(e => new HistoryEntry(
                e.Version,
                e.Sequence,
                e.EventTypeName,
                e.Timestamp,
                e.UserName,
                Header(e.Headers, ModuleSessions<IResidentsStore>.RoleHeader),
                Header(e.Headers, ModuleSessions<IResidentsStore>.RequestHeader),
                Header(e.Headers, ModuleSessions<IResidentsStore>.ModuleHeader),
                e.TenantId,
                e.CorrelationId,
                e.CausationId,
                JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), HistoryJson.Options)))
            .ToList();
    }

    private static string? Header(Dictionary<string, object>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value?.ToString() : null;
}

internal static class HistoryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

internal static class ResidentHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/residents/{residentId:guid}/history", (Guid residentId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetResidentHistory(residentId), cancellationToken))
            .RequireAuthorization(Policies.Audit)
            .WithTags("Audit")
            .WithSummary("Historique des événements d'un résident, avec leurs métadonnées");
}
