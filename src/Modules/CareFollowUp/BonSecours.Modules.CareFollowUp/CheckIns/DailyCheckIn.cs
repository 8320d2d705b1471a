using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CareFollowUp.CheckIns;

/// <summary>
/// A resident's « Je vais bien » routine: whether it is on, the deadline, what else counts
/// as a sign of life, and the latest check-in, activity and handled deadline.
/// </summary>
internal sealed class DailyCheckIn
{
    public static readonly TimeOnly DefaultDeadline = new(11, 0);

    public Guid Id { get; set; }

    public Guid ResidentId { get; set; }

    public bool Enabled { get; set; }

    public TimeOnly Deadline { get; set; } = DefaultDeadline;

    public bool PortalActivityCounts { get; set; }

    public bool PriorityCallCounts { get; set; }

    public int Generation { get; set; }

    public Guid? LastCheckInId { get; set; }

    public DateOnly? LastCheckInDay { get; set; }

    public DateTimeOffset? LastCheckInAt { get; set; }

    public DateOnly? LastPortalActivityDay { get; set; }

    public DateOnly? LastPriorityCallDay { get; set; }

    public DateOnly? LastDeadlineDay { get; set; }

    public DateOnly? LastMissedDay { get; set; }

    /// <summary>One stream per resident, apart from any other stream keyed by the resident id.</summary>
    public static Guid StreamIdOf(Guid residentId) => DeterministicGuid.Create("daily-check-in", residentId.ToString());

    public static Guid CheckInIdOf(Guid residentId, DateOnly day) => DeterministicGuid.Create("check-in", residentId.ToString(), day.ToString("O"));

    public bool CheckedInOn(DateOnly day) => LastCheckInDay == day;

    /// <summary>A check-in counts, and portal activity or a priority call too when the resident chose so.</summary>
    public bool ShowedSignOfLifeOn(DateOnly day) =>
        CheckedInOn(day)
        || (PortalActivityCounts && LastPortalActivityDay == day)
        || (PriorityCallCounts && LastPriorityCallDay == day);

    public void Apply(DailyCheckInEnabled enabled)
    {
        ResidentId = enabled.ResidentId;
        Enabled = true;
        Deadline = enabled.Deadline;
        PortalActivityCounts = enabled.PortalActivityCounts;
        PriorityCallCounts = enabled.PriorityCallCounts;
        Generation = enabled.Generation;
    }

    public void Apply(DailyCheckInDisabled disabled)
    {
        ResidentId = disabled.ResidentId;
        Enabled = false;
    }

    public void Apply(CheckInRecorded recorded)
    {
        LastCheckInId = recorded.CheckInId;
        LastCheckInDay = recorded.Day;
        LastCheckInAt = recorded.At;
    }

    public void Apply(PortalActivityRecorded recorded) => LastPortalActivityDay = recorded.Day;

    public void Apply(PriorityCallSignOfLifeRecorded recorded) => LastPriorityCallDay = recorded.Day;

    public void Apply(CheckInDeadlinePassed passed) => LastDeadlineDay = passed.Day;

    public void Apply(CheckInMissed missed) => LastMissedDay = missed.Day;
}
