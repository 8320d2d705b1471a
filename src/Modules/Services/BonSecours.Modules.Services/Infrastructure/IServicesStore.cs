using Marten;

namespace BonSecours.Modules.Services.Infrastructure;

/// <summary>The Services (kiosk) module's own Marten store (schema <c>services</c>).</summary>
public interface IServicesStore : IDocumentStore;
