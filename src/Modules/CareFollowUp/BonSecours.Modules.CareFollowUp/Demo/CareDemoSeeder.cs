using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Residents;
using BonSecours.Modules.CareFollowUp.Rota;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BonSecours.Modules.CareFollowUp.Demo;

/// <summary>
/// Development only: plans the demo on-call rota for the coming days. Shift ids are derived
/// from the residence, the user and the start time, so a restart stores the same shifts again
/// instead of adding new ones.
/// </summary>
public static class CareDemoSeeder
{
    public const int DaysAhead = 14;

    private static readonly TimeSpan CareFileWait = TimeSpan.FromSeconds(30);

    public static async Task SeedAsync(IServiceProvider services, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ICareFollowUpStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        await WaitForCareFileAsync(store, residenceId, logger, cancellationToken);

        var today = ParisTime.Today(clock.GetUtcNow());
        await using var session = store.LightweightSession(residenceId);
        for (var offset = -1; offset < DaysAhead; offset++)
        {
            foreach (var shift in ShiftsOf(residenceId, today.AddDays(offset)))
            {
                session.Store(shift);
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo on-call rota of {Residence} planned for {Days} days", residenceId, DaysAhead);
    }

    /// <summary>
    /// One day: soignant on site 08:00-20:00 on weekdays, astreinte on call at night and at
    /// weekends, admin as on-call manager all day.
    /// </summary>
    private static IEnumerable<RotaShift> ShiftsOf(string residenceId, DateOnly day)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var morning = day.ToDateTime(new TimeOnly(8, 0));
        var evening = day.ToDateTime(new TimeOnly(20, 0));

        yield return weekend
            ? Shift(residenceId, "astreinte", Roles.OnCall, ShiftKind.OnCall, morning, evening)
            : Shift(residenceId, "soignant", Roles.CareStaff, ShiftKind.OnSite, morning, evening);
        yield return Shift(residenceId, "astreinte", Roles.OnCall, ShiftKind.OnCall, evening, morning.AddDays(1));
        yield return Shift(residenceId, "admin", Roles.Administrator, ShiftKind.OnCallManager, day.ToDateTime(TimeOnly.MinValue), day.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    private static RotaShift Shift(string residenceId, string userId, string role, ShiftKind kind, DateTime startsAt, DateTime endsAt) => new()
    {
        Id = DeterministicGuid.Create(residenceId, "rota-shift", userId, kind.ToString(), startsAt.ToString("s")),
        UserId = userId,
        Role = role,
        Kind = kind,
        StartsAt = ParisTime.ToInstant(startsAt),
        EndsAt = ParisTime.ToInstant(endsAt),
    };

    /// <summary>Waits, within a bound, for the Residents module's messages to have created the demo care files.</summary>
    private static async Task WaitForCareFileAsync(ICareFollowUpStore store, string residenceId, ILogger logger, CancellationToken cancellationToken)
    {
        var jeanne = DeterministicGuid.Create(residenceId, "resident", "BS-0001");
        var deadline = DateTimeOffset.UtcNow + CareFileWait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var query = store.QuerySession(residenceId);
            if (await query.LoadAsync<ResidentCareFile>(jeanne, cancellationToken) is { LivesHere: true })
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        logger.LogWarning("Demo care files of {Residence} not ready after {Seconds} s; planning the rota anyway", residenceId, CareFileWait.TotalSeconds);
    }
}
