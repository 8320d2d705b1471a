using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.RecordTrainingSession;

internal sealed record RecordTrainingSession(
    DateTimeOffset HeldAt,
    int DurationMinutes,
    Guid[] ResidentIds,
    PortalFeature[] Features,
    TrainingOutcome Outcome) : ICommand<WriteResult>;

internal sealed record ListTrainingSessions(Guid? ResidentId) : IQuery<IReadOnlyList<TrainingSessionView>>;

internal sealed class RecordTrainingSessionValidator : AbstractValidator<RecordTrainingSession>
{
    public RecordTrainingSessionValidator()
    {
        RuleFor(command => command.DurationMinutes).InclusiveBetween(5, 480).Named("durée (minutes)", "duration (minutes)");
        RuleFor(command => command.ResidentIds).NotEmpty().Named("résidents", "residents");
        RuleFor(command => command.Features).NotEmpty().Named("fonctions abordées", "features covered");
        RuleForEach(command => command.Features).IsInEnum().Named("fonction abordée", "feature covered");
        RuleFor(command => command.Outcome).IsInEnum().Named("résultat", "outcome");
    }
}

internal sealed class RecordTrainingSessionHandler(ModuleSessions<IResidentsStore> sessions, IRequestContext context)
    : IRequestHandler<RecordTrainingSession, WriteResult>, IRequestHandler<ListTrainingSessions, IReadOnlyList<TrainingSessionView>>
{
    public async Task<WriteResult> Handle(RecordTrainingSession command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(RecordTrainingSession));
        var known = await session.LoadManyAsync<ResidentProfile>(cancellationToken, command.ResidentIds.Distinct());
        var unknown = command.ResidentIds.Except(known.Select(profile => profile.Id)).FirstOrDefault();
        if (unknown != Guid.Empty)
        {
            throw ResidentRules.ResidentNotFound(unknown);
        }

        var id = Guid.CreateVersion7();
        var recorded = TrainingSession.Record(id, context.UserId, command.HeldAt, command.DurationMinutes, command.ResidentIds, command.Features, command.Outcome);

        session.Events.StartStream<TrainingSession>(id, recorded);
        await session.SaveChangesAsync(cancellationToken);
        return new WriteResult(id, 1);
    }

    public async Task<IReadOnlyList<TrainingSessionView>> Handle(ListTrainingSessions query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var sessionsQuery = session.Query<TrainingSessionView>().AsQueryable();
        if (query.ResidentId is { } residentId)
        {
            sessionsQuery = sessionsQuery.Where(view => view.ResidentIds.Contains(residentId));
        }

        return await sessionsQuery.OrderByDescending(view => view.HeldAt).ToListAsync(cancellationToken);
    }
}

internal static class RecordTrainingSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/training-sessions", async (RecordTrainingSession command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command, cancellationToken);
                return Results.Created($"/api/v1/training-sessions/{result.Id}", result);
            })
            .RequireAuthorization(Policies.Ambassador)
            .WithMetadata(new IdempotentEndpointMetadata())
            .WithTags("Formations")
            .WithSummary("Enregistre une séance de prise en main");

        api.MapGet("/training-sessions", (Guid? residentId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListTrainingSessions(residentId), cancellationToken))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Formations")
            .WithSummary("Liste les séances de prise en main");
    }
}
