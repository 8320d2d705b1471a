using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Features.PublishActivity;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;

namespace BonSecours.Modules.CommunityLife.Features.ProposeActivity;

/// <summary>A resident suggests an activity in their own words.</summary>
internal sealed record ProposeActivity(string Title, string Description) : ICommand<AgendaWriteResult>;

internal sealed class ProposeActivityValidator : AbstractValidator<ProposeActivity>
{
    public ProposeActivityValidator()
    {
        RuleFor(command => command.Title).NotEmpty().MaximumLength(120).Named("titre", "title");
        RuleFor(command => command.Description).NotEmpty().MaximumLength(2000).Named("description", "description");
    }
}

/// <summary>Approves a proposal by publishing it as an activity with the coordinator's times and capacity.</summary>
internal sealed record ApproveActivityProposal(Guid ProposalId, ActivityInput Activity) : ICommand<AgendaWriteResult>;

internal sealed class ApproveActivityProposalValidator : AbstractValidator<ApproveActivityProposal>
{
    public ApproveActivityProposalValidator()
    {
        RuleFor(command => command.Activity).NotNull().Named("activité", "activity").SetValidator(new ActivityInputValidator()).OverridePropertyName(string.Empty);
    }
}

internal sealed record DeclineActivityProposal(Guid ProposalId, string Reason) : ICommand<AgendaWriteResult>;

internal sealed class DeclineActivityProposalValidator : AbstractValidator<DeclineActivityProposal>
{
    public DeclineActivityProposalValidator()
    {
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(500).Named("raison", "reason");
    }
}

internal sealed record ListActivityProposals : IQuery<IReadOnlyList<ActivityProposal>>;

internal sealed class ProposeActivityHandler(ModuleSessions<ICommunityLifeStore> sessions, IRequestContext context)
    : IRequestHandler<ProposeActivity, AgendaWriteResult>,
      IRequestHandler<ApproveActivityProposal, AgendaWriteResult>,
      IRequestHandler<DeclineActivityProposal, AgendaWriteResult>,
      IRequestHandler<ListActivityProposals, IReadOnlyList<ActivityProposal>>
{
    public async Task<AgendaWriteResult> Handle(ProposeActivity command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ProposeActivity));
        var residentId = Guid.Parse(context.PersonId!);
        await AgendaAccess.LivingResidentAsync(session, residentId, cancellationToken);
        var id = Guid.NewGuid();

        session.Events.StartStream<ActivityProposal>(id, new ActivityProposed(id, residentId, command.Title.Trim(), command.Description.Trim()));
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(id, 1);
    }

    public async Task<AgendaWriteResult> Handle(ApproveActivityProposal command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(ApproveActivityProposal));
        var stream = await LoadAsync(session, command.ProposalId, cancellationToken);
        var activityId = Guid.NewGuid();

        var approved = stream.Aggregate!.Approve(activityId);

        stream.AppendOne(approved);
        session.Events.StartStream<Activity>(activityId, Activity.Publish(activityId, command.Activity.ToDetails()));
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(activityId, 1);
    }

    public async Task<AgendaWriteResult> Handle(DeclineActivityProposal command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(DeclineActivityProposal));
        var stream = await LoadAsync(session, command.ProposalId, cancellationToken);

        var declined = stream.Aggregate!.Decline(command.Reason.Trim());

        stream.AppendOne(declined);
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(command.ProposalId, stream.VersionAfter(1));
    }

    public async Task<IReadOnlyList<ActivityProposal>> Handle(ListActivityProposals query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        IQueryable<ActivityProposal> proposals = session.Query<ActivityProposal>();
        if (!AgendaAccess.IsCoordinator(context))
        {
            var residentId = Guid.TryParse(context.PersonId, out var id) ? id : Guid.Empty;
            proposals = proposals.Where(proposal => proposal.ResidentId == residentId);
        }

        return await proposals.ToListAsync(cancellationToken);
    }

    private static async Task<JasperFx.Events.IEventStream<ActivityProposal>> LoadAsync(IDocumentSession session, Guid proposalId, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<ActivityProposal>(proposalId, cancellationToken);
        return stream.Aggregate is null
            ? throw new NotFoundException("activity-proposal.not-found", new LocalizedText(
                $"La proposition {proposalId} n'existe pas dans cette résidence.",
                $"Activity proposal {proposalId} does not exist in this residence."))
            : stream;
    }
}
