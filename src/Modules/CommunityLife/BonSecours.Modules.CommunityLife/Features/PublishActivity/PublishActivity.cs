using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.PublishActivity;

internal sealed record PublishActivity(ActivityInput Activity) : ICommand<AgendaWriteResult>;

internal sealed class PublishActivityValidator : AbstractValidator<PublishActivity>
{
    public PublishActivityValidator()
    {
        RuleFor(command => command.Activity).NotNull().Named("activité", "activity").SetValidator(new ActivityInputValidator()).OverridePropertyName(string.Empty);
    }
}

internal sealed class PublishActivityHandler(ModuleSessions<ICommunityLifeStore> sessions) : IRequestHandler<PublishActivity, AgendaWriteResult>
{
    public async Task<AgendaWriteResult> Handle(PublishActivity command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(PublishActivity));
        var activityId = Guid.NewGuid();

        var published = Activity.Publish(activityId, command.Activity.ToDetails());

        session.Events.StartStream<Activity>(activityId, published);
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(activityId, 1);
    }
}

internal static class PublishActivityEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/activities", async (ActivityInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new PublishActivity(body), cancellationToken);
                response.SetETag(result.Version);
                return Results.Created($"/api/v1/activities/{result.Id}", result);
            })
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Publie une activité, ponctuelle ou répétée (animatrice)");
}
