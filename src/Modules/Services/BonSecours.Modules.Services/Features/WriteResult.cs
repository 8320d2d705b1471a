namespace BonSecours.Modules.Services.Features;

/// <summary>The body of a successful write: the stream and the version it reached.</summary>
internal sealed record WriteResult(Guid Id, long Version);
