using BonSecours.Modules.Residents.Domain;
using Marten.Events.Aggregation;

namespace BonSecours.Modules.Residents.Projections;

internal sealed class TrainingSessionView
{
    public Guid Id { get; set; }

    public string AmbassadorUserId { get; set; } = string.Empty;

    public DateTimeOffset HeldAt { get; set; }

    public int DurationMinutes { get; set; }

    public List<Guid> ResidentIds { get; set; } = [];

    public List<PortalFeature> Features { get; set; } = [];

    public TrainingOutcome Outcome { get; set; }
}

internal sealed class TrainingSessionViewProjection : SingleStreamProjection<TrainingSessionView, Guid>
{
    public static TrainingSessionView Create(TrainingSessionRecorded recorded) => new()
    {
        Id = recorded.TrainingSessionId,
        AmbassadorUserId = recorded.AmbassadorUserId,
        HeldAt = recorded.HeldAt,
        DurationMinutes = recorded.DurationMinutes,
        ResidentIds = [.. recorded.ResidentIds],
        Features = [.. recorded.Features],
        Outcome = recorded.Outcome,
    };
}
