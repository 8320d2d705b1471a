using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.Residents.Domain;
using Xunit;

namespace BonSecours.Tests.Unit.Domain;

public sealed class TrainingSessionTests
{
    private static readonly Guid SessionId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000a1");
    private static readonly Guid Lucas = Guid.Parse("0193b6a0-0000-7000-8000-0000000000b1");
    private static readonly Guid Jeanne = Guid.Parse("0193b6a0-0000-7000-8000-0000000000b2");
    private static readonly DateTimeOffset HeldAt = new(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Record_removes_duplicates()
    {
        var recorded = TrainingSession.Record(SessionId, "ambassador-1", HeldAt, 45,
            [Lucas, Jeanne, Lucas], [PortalFeature.SignIn, PortalFeature.VideoCalls, PortalFeature.SignIn], TrainingOutcome.NeedsFollowUp);

        Assert.Equal([Lucas, Jeanne], recorded.ResidentIds);
        Assert.Equal([PortalFeature.SignIn, PortalFeature.VideoCalls], recorded.Features);
        Assert.Equal(TrainingOutcome.NeedsFollowUp, recorded.Outcome);
        Assert.Equal("ambassador-1", recorded.AmbassadorUserId);
    }

    [Fact]
    public void Record_without_resident_is_rejected()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            TrainingSession.Record(SessionId, "ambassador-1", HeldAt, 45, [], [PortalFeature.SignIn], TrainingOutcome.Autonomous));

        Assert.Equal("training-session.no-resident", error.Code);
        Assert.NotEqual(error.Detail.French, error.Detail.English);
    }

    [Fact]
    public void Apply_sets_id()
    {
        var recorded = TrainingSession.Record(SessionId, "ambassador-1", HeldAt, 30, [Lucas], [], TrainingOutcome.Autonomous);

        var session = Given.Events<TrainingSession>(recorded);

        Assert.Equal(SessionId, session.Id);
    }
}
