using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Features.LinkCaregiver;
using BonSecours.Modules.Residents.Features.MoveResidentIn;
using BonSecours.Modules.Residents.Features.RegisterCaregiver;
using BonSecours.Modules.Residents.Features.RegisterFlat;
using BonSecours.Modules.Residents.Features.RegisterResidence;
using BonSecours.Modules.Residents.Features.RegisterResident;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Residents.Projections;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.Residents.Demo;

/// <summary>
/// Creates the demo residence through the same MediatR commands as the API, so the demo is
/// in the event history like anything else. Every step skips what already exists, so a
/// restart (or a start interrupted half-way) creates nothing twice.
/// </summary>
public static class DemoDataSeeder
{
    public static async Task SeedAsync(IServiceProvider services, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>()
            .Use(new SystemRequestContext("demo-data", Roles.Administrator, residenceId, $"demo-data-{Guid.NewGuid():N}"));
        var mediator = new ScopePerRequestSender(services, new SystemRequestContext("demo-data", Roles.Administrator, residenceId, $"demo-data-{Guid.NewGuid():N}"));
        var store = scope.ServiceProvider.GetRequiredService<IResidentsStore>();

        await using var query = store.QuerySession(residenceId);
        if (await query.LoadAsync<Residence>(Residence.StreamIdFor(residenceId), cancellationToken) is not null
            && await query.Query<ResidentProfile>().CountAsync(cancellationToken) >= DemoPopulation.Residents.Count)
        {
            logger.LogInformation("Demo residence {Residence} already present", residenceId);
            return;
        }

        logger.LogInformation("Creating the demo residence {Residence}", residenceId);
        await mediator.Send(new RegisterResidence("Îlot Bon Secours", "Rue de l'Ancienne Clinique", "62000", "Arras", DemoPopulation.Floors), cancellationToken);
        await SeedFlatsAsync(mediator, query, residenceId, cancellationToken);
        await SeedResidentsAsync(mediator, query, residenceId, cancellationToken);
        await SeedFamilyCaregiverAsync(mediator, query, residenceId, cancellationToken);
        logger.LogInformation("Demo residence {Residence} ready", residenceId);
    }

    private static async Task SeedFlatsAsync(ScopePerRequestSender mediator, IQuerySession query, string residenceId, CancellationToken cancellationToken)
    {
        foreach (var flat in DemoPopulation.Flats)
        {
            if (await query.LoadAsync<FlatOccupancy>(Flat.IdFor(residenceId, flat.Number), cancellationToken) is null)
            {
                await mediator.Send(new RegisterFlat(flat.Number, flat.Floor, flat.Rooms, flat.AreaSquareMetres, flat.StepFreeAccess), cancellationToken);
            }
        }
    }

    private static async Task SeedResidentsAsync(ScopePerRequestSender mediator, IQuerySession query, string residenceId, CancellationToken cancellationToken)
    {
        foreach (var resident in DemoPopulation.Residents)
        {
            var id = DeterministicGuid.Create(residenceId, "resident", resident.TenancyReference);
            var profile = await query.LoadAsync<ResidentProfile>(id, cancellationToken);
            if (profile is null)
            {
                await mediator.Send(new RegisterResident(resident.FirstName, resident.LastName, resident.BirthDate, resident.Category, resident.Phone, null, resident.TenancyReference), cancellationToken);
            }

            if (profile?.Status is not ResidencyStatus.Living)
            {
                var flatId = Flat.IdFor(residenceId, resident.FlatNumber);
                await mediator.Send(new MoveResidentIn(id, flatId, new DateOnly(2024, 9, 1), null), cancellationToken);
            }
        }
    }

    private static async Task SeedFamilyCaregiverAsync(ScopePerRequestSender mediator, IQuerySession query, string residenceId, CancellationToken cancellationToken)
    {
        var caregiverId = CaregiverIds.For(residenceId, ResidentsDemo.FamilyCaregiverReference);
        if (await query.LoadAsync<Caregiver>(caregiverId, cancellationToken) is null)
        {
            await mediator.Send(new RegisterCaregiver("Sophie", "Lefèvre", CaregiverKind.Caregiver, "fille", "06 98 76 54 32", "sophie.lefevre@example.fr", ResidentsDemo.FamilyCaregiverReference), cancellationToken);
        }

        var jeanne = DeterministicGuid.Create(residenceId, "resident", "BS-0001");
        await mediator.Send(new LinkCaregiver(jeanne, caregiverId, ConsentMethod.SignedForm, null), cancellationToken);
    }
}

/// <summary>
/// Sends each request in its own DI scope. A scope's Wolverine message context sends its
/// outbox once, at the first commit, so in a shared scope the integration messages of
/// every later request would be dropped and other modules would miss the demo residents.
/// </summary>
internal sealed class ScopePerRequestSender(IServiceProvider services, SystemRequestContext context)
{
    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().Use(context);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }
}
