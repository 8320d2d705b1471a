using Marten;

namespace BonSecours.Modules.CommunityLife.Infrastructure;

/// <summary>The CommunityLife module's own Marten store (schema <c>community</c>).</summary>
public interface ICommunityLifeStore : IDocumentStore;
