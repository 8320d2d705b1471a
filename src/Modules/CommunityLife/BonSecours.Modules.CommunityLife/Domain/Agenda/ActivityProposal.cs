using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

internal enum ProposalStatus
{
    Pending,
    Approved,
    Declined,
}

internal sealed record ActivityProposed(Guid ProposalId, Guid ResidentId, string Title, string Description);

internal sealed record ActivityProposalApproved(Guid ProposalId, Guid ActivityId);

internal sealed record ActivityProposalDeclined(Guid ProposalId, string Reason);

/// <summary>An activity a resident suggests; the coordinator approves it (it becomes an activity) or declines it with a reason.</summary>
internal sealed class ActivityProposal
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid ResidentId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public ProposalStatus Status { get; set; }

    public Guid? ActivityId { get; set; }

    public string? DeclineReason { get; set; }

    public ActivityProposalApproved Approve(Guid activityId)
    {
        EnsurePending();
        return new ActivityProposalApproved(Id, activityId);
    }

    public ActivityProposalDeclined Decline(string reason)
    {
        EnsurePending();
        return new ActivityProposalDeclined(Id, reason);
    }

    public void Apply(ActivityProposed proposed)
    {
        Id = proposed.ProposalId;
        ResidentId = proposed.ResidentId;
        Title = proposed.Title;
        Description = proposed.Description;
    }

    public void Apply(ActivityProposalApproved approved)
    {
        Status = ProposalStatus.Approved;
        ActivityId = approved.ActivityId;
    }

    public void Apply(ActivityProposalDeclined declined)
    {
        Status = ProposalStatus.Declined;
        DeclineReason = declined.Reason;
    }

    private void EnsurePending()
    {
        if (Status != ProposalStatus.Pending)
        {
            throw new ConflictException("activity-proposal.already-decided", new LocalizedText(
                "Cette proposition a déjà reçu une réponse.",
                $"Proposal {Id} was already {Status.ToString().ToLowerInvariant()}."));
        }
    }
}
