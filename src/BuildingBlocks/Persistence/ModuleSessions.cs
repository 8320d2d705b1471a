using BonSecours.BuildingBlocks.Application;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace BonSecours.BuildingBlocks.Persistence;

/// <summary>
/// Opens a module's Marten sessions for the current residence. A write session is enrolled
/// in Wolverine's outbox: events appended and messages published through it are committed
/// by one <c>SaveChangesAsync</c>, in one PostgreSQL transaction.
/// </summary>
public sealed class ModuleSessions<TStore>(
    TStore store,
    OutboxedSessionFactory<TStore> outbox,
    IMessageBus bus,
    IRequestContext context) where TStore : IDocumentStore
{
    public const string RoleHeader = "role";
    public const string ModuleHeader = "module";
    public const string RequestHeader = "request";

    public IMessageBus Bus => bus;

    /// <summary>Opens a session that records who acted, in which role, module and request.</summary>
    public IDocumentSession OpenForWrite(string requestName)
    {
        var messageContext = (MessageContext)bus;
        messageContext.TenantId = context.ResidenceId;
        messageContext.CorrelationId = context.CorrelationId;
        // One scope may commit several write sessions (demo data, imports, retried writes).
        // Wolverine's default flushes a context's messages only once and drops the later ones.
        messageContext.MultiFlushMode = MultiFlushMode.AllowMultiples;

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
