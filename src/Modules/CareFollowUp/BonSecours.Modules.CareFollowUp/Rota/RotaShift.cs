using BonSecours.Modules.CareFollowUp.Infrastructure;
using Marten;

namespace BonSecours.Modules.CareFollowUp.Rota;

internal enum ShiftKind
{
    /// <summary>Staff present in the residence.</summary>
    OnSite,

    /// <summary>Staff reachable from home at night and at weekends.</summary>
    OnCall,

    /// <summary>The manager called when the staff and the resident's helpers did not answer.</summary>
    OnCallManager,
}

/// <summary>One shift of the on-call rota; start and end are instants, entered as Paris local times.</summary>
internal sealed class RotaShift
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public ShiftKind Kind { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public bool Covers(DateTimeOffset instant) => StartsAt <= instant && instant < EndsAt;
}

internal sealed record RotaShiftView(Guid Id, string UserId, string Role, ShiftKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTime StartsAtLocal, DateTime EndsAtLocal)
{
    public static RotaShiftView From(RotaShift shift) =>
        new(shift.Id, shift.UserId, shift.Role, shift.Kind, shift.StartsAt, shift.EndsAt, ParisTime.ToLocal(shift.StartsAt), ParisTime.ToLocal(shift.EndsAt));
}

internal static class OnDuty
{
    /// <summary>
    /// Returns the user ids of the given kinds whose shift covers <paramref name="instant"/>.
    /// The rota itself says who works when (on-site by day, on-call at night and at weekends),
    /// so this only looks for the shifts covering the instant.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UsersAsync(IQuerySession session, DateTimeOffset instant, IReadOnlyCollection<ShiftKind> kinds, CancellationToken cancellationToken)
    {
        var shifts = await session.Query<RotaShift>()
            .Where(shift => shift.StartsAt <= instant && shift.EndsAt > instant)
            .ToListAsync(cancellationToken);
        return shifts.Where(shift => kinds.Contains(shift.Kind)).Select(shift => shift.UserId).Distinct().Order().ToList();
    }
}
