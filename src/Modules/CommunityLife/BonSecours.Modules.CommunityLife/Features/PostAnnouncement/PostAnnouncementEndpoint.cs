using BonSecours.Modules.CommunityLife.Agenda;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Features.PostAnnouncement;

internal static class PostAnnouncementEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/announcements", async (PostAnnouncement body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(body, cancellationToken);
                return Results.Created($"/api/v1/announcements/{result.Id}", result);
            })
            .RequireAuthorization(AgendaAccess.Coordinator)
            .WithTags("Agenda")
            .WithSummary("Publie une annonce (animatrice)");

        api.MapGet("/announcements", async (IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new ListAnnouncements(), cancellationToken)))
            .WithTags("Agenda")
            .WithSummary("Les annonces, les plus récentes d'abord");

        api.MapPut("/announcements/{announcementId:guid}/picture", async (Guid announcementId, string? description, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new AddAnnouncementPicture(announcementId, request.ContentType ?? string.Empty,
                    await ReadLimitedAsync(request, cancellationToken), description), cancellationToken)))
            .RequireAuthorization(AgendaAccess.Coordinator)
            .Accepts<byte[]>("image/jpeg", "image/png")
            .WithTags("Agenda")
            .WithSummary("Ajoute une image JPEG ou PNG (2 Mo au plus) à une annonce, avec sa description (?description=, 250 caractères au plus)");

        api.MapGet("/announcements/{announcementId:guid}/picture", async (Guid announcementId, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var picture = await mediator.Send(new GetAnnouncementPicture(announcementId), cancellationToken);
                return Results.File(picture.Content, picture.ContentType);
            })
            .WithTags("Agenda")
            .WithSummary("L'image d'une annonce");
    }

    /// <summary>Reads at most one byte more than the limit, so an oversized upload is rejected without buffering all of it.</summary>
    private static async Task<byte[]> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AnnouncementPicture.MaxLength)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
