using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CareFollowUp.Residents;
using BonSecours.Modules.CareFollowUp.Rota;
using BonSecours.Modules.CareFollowUp.Settings;
using Marten;

namespace BonSecours.Modules.CareFollowUp.Calls;

/// <summary>Finds whom each level of the escalation chain alerts at a given moment.</summary>
internal static class EscalationChain
{
    /// <summary>Alerted when the rota names no one on duty, so that no call goes unheard.</summary>
    public static readonly AlertTargets StaffFallback = new([], [], [Roles.CareStaff, Roles.OnCall]);

    /// <summary>Alerted when the rota names no on-call manager.</summary>
    public static readonly AlertTargets ManagerFallback = new([], [], [Roles.Administrator, Roles.OnCall]);

    public static async Task<AlertTargets> ResolveAsync(
        IQuerySession session, EscalationTarget target, ResidentCareFile? file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case EscalationTarget.OnDutyStaff:
                var staff = await OnDuty.UsersAsync(session, now, [ShiftKind.OnSite, ShiftKind.OnCall], cancellationToken);
                return staff.Count > 0 ? new AlertTargets(staff, [], []) : StaffFallback;
            case EscalationTarget.OnCallManager:
                var managers = await OnDuty.UsersAsync(session, now, [ShiftKind.OnCallManager], cancellationToken);
                return managers.Count > 0 ? new AlertTargets(managers, [], []) : ManagerFallback;
            case EscalationTarget.FirstHelper:
                return Helper(file, 0);
            case EscalationTarget.SecondHelper:
                return Helper(file, 1);
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown escalation target.");
        }
    }

    /// <summary>
    /// Returns the next level from <paramref name="fromLevel"/> that alerts somebody. Helper
    /// levels the resident has no consented caregiver for are skipped; past the chain's end
    /// the last entry repeats, with the staff fallback if even that names nobody.
    /// </summary>
    public static async Task<EscalationStep> NextAsync(
        IQuerySession session, CareSettings settings, int fromLevel, ResidentCareFile? file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var level = fromLevel; ; level++)
        {
            var target = settings.TargetOf(level);
            var targets = await ResolveAsync(session, target, file, now, cancellationToken);
            if (!targets.IsEmpty)
            {
                return new EscalationStep(level, target, now, targets);
            }

            if (level >= settings.EscalationChain.Count - 1)
            {
                return new EscalationStep(level, target, now, StaffFallback);
            }
        }
    }

    private static AlertTargets Helper(ResidentCareFile? file, int index) =>
        file is not null && file.ConsentedCaregiverIds.Count > index
            ? new AlertTargets([], [file.ConsentedCaregiverIds[index]], [])
            : new AlertTargets([], [], []);
}
