namespace BonSecours.Modules.CommunityLife.Agenda;

/// <summary>The body of a successful agenda write: the stream and the version it reached.</summary>
internal sealed record AgendaWriteResult(Guid Id, long Version);
