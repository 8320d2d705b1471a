using Marten;

namespace BonSecours.Modules.CareFollowUp.Infrastructure;

/// <summary>The CareFollowUp module's own Marten store (schema <c>care</c>).</summary>
public interface ICareFollowUpStore : IDocumentStore;
