using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.CommunityLife.Messaging;

internal sealed record PostMessage(Guid ConversationId, string? Text) : ICommand<MessageView>;

internal sealed class PostMessageValidator : AbstractValidator<PostMessage>
{
    /// <summary>Counted in Unicode code points, so an emoji counts as one character or a few (a ZWJ sequence), never as UTF-16 halves.</summary>
    public const int MaxLength = 4000;

    public PostMessageValidator()
    {
        RuleFor(command => command.Text)
            .Must(text => !string.IsNullOrWhiteSpace(text))
            .Says("Le message est vide. Écrivez quelques mots.", "The message is empty. Write some text.")
            .Named("message", "text");
        RuleFor(command => command.Text)
            .Must(text => text is null || text.EnumerateRunes().Count() <= MaxLength)
            .Says($"Le message est trop long : {MaxLength} caractères au plus.", $"The message is too long: at most {MaxLength} characters.")
            .Named("message", "text");
        // PostgreSQL's jsonb cannot store U+0000, and no keyboard types it.
        RuleFor(command => command.Text)
            .Must(text => text is null || !text.Contains('\0'))
            .Says("Le message contient un caractère invalide.", "The message contains a NUL character, which is not allowed.")
            .Named("message", "text");
    }
}

/// <summary>Posts a text message, kept exactly as written: no trimming and no Unicode normalization.</summary>
internal sealed class PostMessageHandler(MessagePosting posting) : IRequestHandler<PostMessage, MessageView>
{
    public Task<MessageView> Handle(PostMessage command, CancellationToken cancellationToken) =>
        posting.PostAsync(nameof(PostMessage), command.ConversationId, new ConversationMessage { Text = command.Text }, null, cancellationToken);
}

internal sealed record PostMessageBody(string? Text);

internal static class PostMessageEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/conversations/{conversationId:guid}/messages", async (Guid conversationId, PostMessageBody body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var message = await mediator.Send(new PostMessage(conversationId, body.Text), cancellationToken);
                return TypedResults.Created($"/api/v1/conversations/{conversationId}/messages/{message.Id}", message);
            })
            .WithTags("Messagerie")
            .WithSummary("Écrit un message dans une conversation (4000 caractères au plus)");
}
