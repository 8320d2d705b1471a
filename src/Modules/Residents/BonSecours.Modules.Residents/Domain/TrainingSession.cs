using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Residents.Domain;

/// <summary>The portal features a training session (séance de prise en main) can cover.</summary>
internal enum PortalFeature
{
    SignIn,
    Profile,
    Messaging,
    SharedAgenda,
    VideoCalls,
    Games,
    MedicalAppointments,
    PriorityCall,
    ServiceKiosk,
}

internal enum TrainingOutcome
{
    /// <summary>The resident now uses the features alone.</summary>
    Autonomous,

    /// <summary>The resident needs another session.</summary>
    NeedsFollowUp,

    /// <summary>The session could not take place or was stopped.</summary>
    NotCompleted,
}

internal sealed record TrainingSessionRecorded(
    Guid TrainingSessionId,
    string AmbassadorUserId,
    DateTimeOffset HeldAt,
    int DurationMinutes,
    Guid[] ResidentIds,
    PortalFeature[] Features,
    TrainingOutcome Outcome);

/// <summary>A training session given by the connected-home ambassador.</summary>
internal sealed class TrainingSession
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public static TrainingSessionRecorded Record(
        Guid id, string ambassadorUserId, DateTimeOffset heldAt, int durationMinutes,
        IReadOnlyCollection<Guid> residentIds, IReadOnlyCollection<PortalFeature> features, TrainingOutcome outcome)
    {
        if (residentIds.Count == 0)
        {
            throw new DomainRuleException("training-session.no-resident", new LocalizedText(
                "Une séance concerne au moins un résident.",
                "A training session involves at least one resident."));
        }

        return new TrainingSessionRecorded(id, ambassadorUserId, heldAt, durationMinutes, [.. residentIds.Distinct()], [.. features.Distinct()], outcome);
    }

    public void Apply(TrainingSessionRecorded recorded) => Id = recorded.TrainingSessionId;
}
