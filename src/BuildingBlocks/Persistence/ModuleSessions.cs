using BonSecours.BuildingBlocks.Application;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace BonSecours.BuildingBlocks.Persistence;

/// <summary>
/// Opens a module's Marten sessions for the current residence. A write session is enrolled
/// in Wolverine's outbox: events appended and messages published through <see cref="Bus"/>
/// are committed by one <c>SaveChangesAsync</c>, in one PostgreSQL transaction.
/// </summary>
public sealed class ModuleSessions<TStore>(
    TStore store,
    OutboxedSessionFactory<TStore> outbox,
    IWolverineRuntime runtime,
    IRequestContext context) where TStore : IDocumentStore
{
    public const string RoleHeader = "role";
    public const string ModuleHeader = "module";
    public const string RequestHeader = "request";

    private MessageContext? _bus;

    /// <summary>The outbox of the last write session opened; publish and schedule through it.</summary>
    public IMessageBus Bus => _bus ?? throw new InvalidOperationException("Open a write session with OpenForWrite before publishing.");

    /// <summary>
    /// Opens a session that records who acted, in which role, module and request. Each
    /// write session gets its own Wolverine message context, because a context flushes its
    /// outgoing messages once: work that sends several commands in one scope (demo data,
    /// imports) would otherwise lose the messages of every command after the first.
    /// </summary>
    public IDocumentSession OpenForWrite(string requestName)
    {
        var messageContext = new MessageContext(runtime, context.ResidenceId);
        messageContext.CorrelationId = context.CorrelationId;
        _bus = messageContext;

        var session = outbox.OpenSession(messageContext, context.ResidenceId);
        session.CorrelationId = context.CorrelationId;
        session.CausationId = context.CausationId;
        session.LastModifiedBy = context.UserId;
        session.SetHeader(RoleHeader, context.Role);
        session.SetHeader(ModuleHeader, ModuleNames.Of(typeof(TStore)));
        session.SetHeader(RequestHeader, requestName);
        return session;
    }

    public IQuerySession OpenForRead() => store.QuerySession(context.ResidenceId);
}
