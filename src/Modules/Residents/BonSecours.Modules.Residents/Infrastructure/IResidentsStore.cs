using Marten;

namespace BonSecours.Modules.Residents.Infrastructure;

/// <summary>The Residents module's own Marten store (schema <c>residents</c>).</summary>
public interface IResidentsStore : IDocumentStore;
