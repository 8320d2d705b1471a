using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CommunityLife.Agenda;
using BonSecours.Modules.CommunityLife.Domain.Agenda;
using BonSecours.Modules.CommunityLife.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.PublishLocalEvent;

internal sealed record PublishLocalEvent(string Title, string Place, DateOnly Date, string? Link) : ICommand<AgendaWriteResult>;

internal sealed class PublishLocalEventValidator : AbstractValidator<PublishLocalEvent>
{
    public PublishLocalEventValidator()
    {
        RuleFor(command => command.Title).NotEmpty().MaximumLength(120).Named("titre", "title");
        RuleFor(command => command.Place).NotEmpty().MaximumLength(160).Named("lieu", "place");
        RuleFor(command => command.Date).NotEqual(default(DateOnly)).Named("date", "date");
        RuleFor(command => command.Link)
            .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(command => !string.IsNullOrEmpty(command.Link))
            .Says("Le lien doit être une adresse web complète (https://…).", "The link must be a full web address (https://…).");
    }
}

internal sealed record ListLocalEvents(DateOnly From) : IQuery<IReadOnlyList<LocalEvent>>;

internal sealed class PublishLocalEventHandler(ModuleSessions<ICommunityLifeStore> sessions)
    : IRequestHandler<PublishLocalEvent, AgendaWriteResult>, IRequestHandler<ListLocalEvents, IReadOnlyList<LocalEvent>>
{
    public async Task<AgendaWriteResult> Handle(PublishLocalEvent command, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForWrite(nameof(PublishLocalEvent));
        var id = Guid.NewGuid();
        session.Events.StartStream<LocalEvent>(id, new LocalEventPublished(id, command.Title.Trim(), command.Place.Trim(), command.Date, command.Link));
        await session.SaveChangesAsync(cancellationToken);
        return new AgendaWriteResult(id, 1);
    }

    public async Task<IReadOnlyList<LocalEvent>> Handle(ListLocalEvents query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        return await session.Query<LocalEvent>().Where(localEvent => localEvent.Date >= query.From).OrderBy(localEvent => localEvent.Date).ToListAsync(cancellationToken);
    }
}

internal static class PublishLocalEventEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/local-events", async (PublishLocalEvent body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(body, cancellationToken);
                return Results.Created($"/api/v1/local-events/{result.Id}", result);
            })
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Publie un événement de la ville (animatrice)");

        api.MapGet("/local-events", async (DateOnly? from, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new ListLocalEvents(from ?? DateOnly.FromDateTime(AgendaTime.ToLocal(clock.GetUtcNow()))), cancellationToken)))
            .WithTags("Agenda")
            .WithSummary("Les événements de la ville à venir");
    }
}
