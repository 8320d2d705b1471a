namespace BonSecours.Modules.CareFollowUp.Appointments;

// Events of a medical appointment. They carry ids, instants, durations and flags only:
// the practitioner, specialty, place and notes live in AppointmentDetails, which can be erased.

internal sealed record AppointmentScheduled(Guid AppointmentId, Guid ResidentId, DateTimeOffset StartsAt, int DurationMinutes, bool NeedsCompanion);

internal sealed record AppointmentRescheduled(DateTimeOffset StartsAt, int DurationMinutes, bool NeedsCompanion);

/// <summary>The practitioner, specialty, place or notes changed; the new values are in AppointmentDetails.</summary>
internal sealed record AppointmentDetailsEdited(Guid AppointmentId);

internal sealed record AppointmentCancelled(DateTimeOffset CancelledAt);

/// <summary>Reminders stop for this appointment, for example because the resident moved out.</summary>
internal sealed record AppointmentRemindersWithdrawn(string Reason);

/// <summary>
/// A resident's medical appointment, event-sourced and kept as an inline snapshot for reads.
/// Every event raises <see cref="Version"/>, and a reminder computed for an older version
/// is not delivered.
/// </summary>
internal sealed class MedicalAppointment
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid ResidentId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public int DurationMinutes { get; set; }

    public bool NeedsCompanion { get; set; }

    public bool Cancelled { get; set; }

    public bool RemindersWithdrawn { get; set; }

    public static MedicalAppointment Create(AppointmentScheduled scheduled) => new()
    {
        Id = scheduled.AppointmentId,
        ResidentId = scheduled.ResidentId,
        StartsAt = scheduled.StartsAt,
        EndsAt = scheduled.StartsAt.AddMinutes(scheduled.DurationMinutes),
        DurationMinutes = scheduled.DurationMinutes,
        NeedsCompanion = scheduled.NeedsCompanion,
    };

    public void Apply(AppointmentRescheduled rescheduled)
    {
        StartsAt = rescheduled.StartsAt;
        EndsAt = rescheduled.StartsAt.AddMinutes(rescheduled.DurationMinutes);
        DurationMinutes = rescheduled.DurationMinutes;
        NeedsCompanion = rescheduled.NeedsCompanion;
    }

    public void Apply(AppointmentDetailsEdited edited)
    {
    }

    public void Apply(AppointmentCancelled cancelled) => Cancelled = true;

    public void Apply(AppointmentRemindersWithdrawn withdrawn) => RemindersWithdrawn = true;

    /// <summary>Returns the events of an edit: none when nothing changes, so repeating a PUT is harmless.</summary>
    public IReadOnlyList<object> Edit(DateTimeOffset startsAt, int durationMinutes, bool needsCompanion, bool detailsChanged)
    {
        if (Cancelled)
        {
            throw AppointmentRules.AlreadyCancelled(Id);
        }

        var events = new List<object>();
        if (startsAt != StartsAt || durationMinutes != DurationMinutes || needsCompanion != NeedsCompanion)
        {
            events.Add(new AppointmentRescheduled(startsAt, durationMinutes, needsCompanion));
        }

        if (detailsChanged)
        {
            events.Add(new AppointmentDetailsEdited(Id));
        }

        return events;
    }

    public IReadOnlyList<object> Cancel(DateTimeOffset now) => Cancelled ? [] : [new AppointmentCancelled(now)];

    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => !Cancelled && StartsAt < endsAt && startsAt < EndsAt;
}

/// <summary>
/// What an appointment is about: practitioner, specialty, place and notes. It is a separate
/// document so it can be erased on request while the event history stays.
/// </summary>
internal sealed class AppointmentDetails
{
    public Guid Id { get; set; }

    public Guid ResidentId { get; set; }

    public string Practitioner { get; set; } = string.Empty;

    public string Specialty { get; set; } = string.Empty;

    public string? Place { get; set; }

    public string? Notes { get; set; }
}
