using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Agenda;

internal static class AgendaLiveEndpoint
{
    private static readonly IReadOnlySet<string> Topics = new HashSet<string> { AgendaNotifications.Topic };

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/agenda/live", (RealtimeBroker broker, IRequestContext context, CancellationToken cancellationToken) =>
                RealtimeStreams.Open(broker, context, Topics, cancellationToken))
            .WithTags("Agenda")
            .WithSummary("Flux en direct de l'agenda (server-sent events) : places libérées pour le résident connecté");
}
