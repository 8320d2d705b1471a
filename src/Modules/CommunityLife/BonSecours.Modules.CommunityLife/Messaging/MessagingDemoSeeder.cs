using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CommunityLife.Messaging;

/// <summary>
/// Development only: creates the group « Les voisins du 1er étage » with a few messages
/// between jeanne, lucas and the coordinator, once their community files exist. A restart
/// finds the group by its fixed id and adds nothing.
/// </summary>
public static class MessagingDemoSeeder
{
    private static readonly TimeSpan WaitForResidents = TimeSpan.FromSeconds(60);

    public static async Task SeedAsync(IServiceProvider services, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await SeedGroupAsync(services, residenceId, logger, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Demo conversations failed in {Residence}", residenceId);
        }
    }

    private static async Task SeedGroupAsync(IServiceProvider services, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        var jeanne = DeterministicGuid.Create(residenceId, "resident", "BS-0001");
        var lucas = DeterministicGuid.Create(residenceId, "resident", "BS-0002");
        var groupId = DeterministicGuid.Create(residenceId, "conversation", "demo-first-floor");
        var store = services.GetRequiredService<ICommunityLifeStore>();

        if (!await WaitForFilesAsync(store, residenceId, [jeanne, lucas], cancellationToken))
        {
            logger.LogWarning("Demo conversations skipped in {Residence}: the residents' community files did not arrive within {Seconds} s", residenceId, WaitForResidents.TotalSeconds);
            return;
        }

        await using (var query = store.QuerySession(residenceId))
        {
            if (await query.LoadAsync<Conversation>(groupId, cancellationToken) is not null)
            {
                return;
            }
        }

        await SendAsync(services, new DemoContext("animatrice", Roles.ActivityCoordinator, residenceId, null),
            new CreateGroupConversation("Les voisins du 1er étage", [Participant.Resident(jeanne), Participant.Resident(lucas)], groupId), cancellationToken);
        await SendAsync(services, new DemoContext("animatrice", Roles.ActivityCoordinator, residenceId, null),
            new PostMessage(groupId, "Bonjour à tous ! Voici le groupe du 1er étage. Vous pouvez vous écrire ici."), cancellationToken);
        await SendAsync(services, new DemoContext("jeanne", Roles.Resident, residenceId, jeanne.ToString()),
            new PostMessage(groupId, "Bonjour ! Qui vient au goûter jeudi ? Je ferai une tarte aux pommes 🍎"), cancellationToken);
        await SendAsync(services, new DemoContext("lucas", Roles.Resident, residenceId, lucas.ToString()),
            new PostMessage(groupId, "Moi ! J'apporte les jus de fruits.\nÀ jeudi Jeanne 😊"), cancellationToken);
        logger.LogInformation("Demo conversation {ConversationId} created in {Residence}", groupId, residenceId);
    }

    private static async Task<bool> WaitForFilesAsync(ICommunityLifeStore store, string residenceId, Guid[] residentIds, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + WaitForResidents;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var query = store.QuerySession(residenceId);
            var files = await query.LoadManyAsync<ResidentCommunityFile>(cancellationToken, residentIds);
            if (files.Count == residentIds.Length && files.All(file => file.LivesHere))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return false;
    }

    private static async Task SendAsync<TResult>(IServiceProvider services, IRequestContext context, ICommand<TResult> command, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().Use(context);
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    private sealed record DemoContext(string UserId, string Role, string ResidenceId, string? PersonId) : IRequestContext
    {
        public string CorrelationId { get; } = $"demo-data-{Guid.NewGuid():N}";

        public string CausationId => CorrelationId;
    }
}
