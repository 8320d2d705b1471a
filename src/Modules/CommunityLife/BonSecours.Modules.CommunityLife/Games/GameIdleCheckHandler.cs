using Marten;
using Wolverine;

namespace BonSecours.Modules.CommunityLife.Games;

/// <summary>Wolverine entry point of the idle games check; the work is in <see cref="GameAbandonment"/>.</summary>
public static class GameIdleCheckHandler
{
    public static Task Handle(GameIdleCheckDue message, GameAbandonment abandonment, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken) =>
        abandonment.HandleAsync(message, session, context, cancellationToken);
}
