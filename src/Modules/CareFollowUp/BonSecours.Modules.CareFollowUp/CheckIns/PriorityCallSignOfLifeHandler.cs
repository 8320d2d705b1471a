using BonSecours.Modules.CareFollowUp.Contracts;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>
/// Counts a resident's priority call as today's sign of life when they chose so in their
/// daily check-in settings. Test calls count too: the resident pressed the button. Recording
/// the day once makes a second delivery of the message harmless. Public because Wolverine
/// only discovers public handlers.
/// </summary>
public static class PriorityCallSignOfLifeHandler
{
    public static async Task Handle(PriorityCallRaised message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<DailyCheckIn>(DailyCheckIn.StreamIdOf(message.ResidentId), cancellationToken);
        var day = ParisTime.Today(message.RaisedAt);
        if (stream.Aggregate is { Enabled: true, PriorityCallCounts: true } checkIn && checkIn.LastPriorityCallDay != day)
        {
            stream.AppendOne(new PriorityCallSignOfLifeRecorded(message.ResidentId, day, message.RaisedAt));
        }
    }
}
