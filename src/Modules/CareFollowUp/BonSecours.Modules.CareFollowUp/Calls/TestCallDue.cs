using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Access;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CareFollowUp.Calls;

internal sealed record TestCallDueView(Guid ResidentId, bool TestDue, DateTimeOffset? LastTestAt);

/// <summary>Tells whether the resident still has to make this month's test call (Paris months).</summary>
internal sealed record CheckTestCallDue(Guid ResidentId) : IQuery<TestCallDueView>;

internal sealed class CheckTestCallDueHandler(ModuleSessions<ICareFollowUpStore> sessions, HealthDataAccess access, TimeProvider clock)
    : IRequestHandler<CheckTestCallDue, TestCallDueView>
{
    public async Task<TestCallDueView> Handle(CheckTestCallDue query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(CheckTestCallDue));
        await access.EnsureCanAccessAsync(session, query.ResidentId, "priority-call.test-due", cancellationToken);
        var today = ParisTime.Today(clock.GetUtcNow());
        var monthStart = ParisTime.StartOf(new DateOnly(today.Year, today.Month, 1));
        var lastTest = await session.Query<PriorityCall>()
            .Where(call => call.ResidentId == query.ResidentId && call.IsTest)
            .OrderByDescending(call => call.RaisedAt)
            .FirstOrDefaultAsync(cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return new TestCallDueView(query.ResidentId, lastTest is null || lastTest.RaisedAt < monthStart, lastTest?.RaisedAt);
    }
}

internal static class CheckTestCallDueEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/priority-calls/test-due", (Guid? residentId, IRequestContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                Guid? self = context.Role == Roles.Resident && Guid.TryParse(context.PersonId, out var id) ? id : null;
                var resident = residentId ?? self ?? throw new DomainRuleException("priority-call.resident-missing", new LocalizedText(
                    "Indiquez le résident (paramètre « residentId »).", "Name the resident (residentId parameter)."));
                return mediator.Send(new CheckTestCallDue(resident), cancellationToken);
            })
            .RequireAuthorization(CarePolicies.CallReaders)
            .WithTags("Appels prioritaires")
            .WithSummary("Indique si l'appel de test du mois reste à faire");
}
