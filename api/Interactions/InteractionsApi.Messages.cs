using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Knowledge;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Interactions;

// /v1/interactions/{interactionId}/messages and /typing: what is said in a chat.
public static partial class InteractionsApi
{
    private const string MessageCursor = "message";

    private static void MapMessages(RouteGroupBuilder interaction)
    {
        interaction.MapPost("/messages", PostMessage)
            .WithName("PostChatMessage")
            .WithSummary("Send a chat message")
            .WithDescription("An agent in the chat writes plain text, or inserts a knowledge-base article (faqId: its title and link). " +
                "The chat's consoles receive interaction.message. 409 when the interaction is not a chat, is over, or the agent has not accepted it; " +
                "403 for an agent not in it." + ActorNote)
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        interaction.MapGet("/messages", GetMessages)
            .WithName("GetChatMessages")
            .WithSummary("Read a chat's transcript")
            .WithDescription("Both sides' messages with sender and time, oldest first, a page at a time. An agent key reads the chats its agent is or was part of.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        interaction.MapPost("/typing", ShowTyping)
            .WithName("ShowChatTyping")
            .WithSummary("Show that the agent is typing")
            .WithDescription("Optional: the chat's other side sees interaction.typing (nothing is stored)." + ActorNote)
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Created<ChatMessageResponse>, ProblemHttpResult>> PostMessage(
        string interactionId, ChatMessageRequest request, [AsParameters] TenantContext tenant)
    {
        var errors = new ValidationErrors();
        if (Writer(tenant.Caller, request.Sender, request.AgentId, errors, out var agentId) is { } forbidden)
        {
            return forbidden;
        }

        request.Validate(errors);
        var text = request.Text;
        if (!errors.HasErrors && request.FaqId is { } faqId)
        {
            var article = await tenant.Grains.GetGrain<IFaqArticleGrain>(GrainKeys.Faq(tenant.TenantId, faqId)).Get(tenant.CancellationToken);
            if (errors.Check(article is not null, "faqId", $"There is no knowledge-base article '{faqId}'."))
            {
                text = article!.Link is { } link ? $"{article.Title}\n{link}" : article.Title;
            }
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var sender = request.Sender.ToSender();
        var result = await tenant.Interaction(interactionId).PostMessage(new ChatPost(sender, agentId, text!, request.FaqId), tenant.CancellationToken);
        return result is { Outcome: InteractionOutcome.Applied, Message: { } message }
            ? TypedResults.Created($"/v1/interactions/{interactionId}/messages", ChatMessageResponse.From(interactionId, message))
            : Problem(new InteractionResult(result.Outcome, null, result.Detail), interactionId);
    }

    private static async Task<Results<Ok<Page<ChatMessageResponse>>, ProblemHttpResult>> GetMessages(
        string interactionId, [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryRead(MessageCursor, limit, cursor, out var pageSize, out var position, out var problem))
        {
            return problem;
        }

        long after = 0;
        if (position is not null && (!long.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after) || after < 1 || after > ChatRules.MaxMessages))
        {
            return Paging.BadCursor();
        }

        if ((await Readable(interactionId, tenant)).Refusal is { } refusal)
        {
            return refusal;
        }

        var page = await tenant.Interaction(interactionId).GetMessages(after, pageSize, tenant.CancellationToken) ?? new ChatTranscriptPage([], null);
        return TypedResults.Ok(new Page<ChatMessageResponse>(
            [.. page.Messages.Select(m => ChatMessageResponse.From(interactionId, m))],
            page.NextAfter is { } next ? Paging.Encode(MessageCursor, next.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ShowTyping(
        string interactionId, ChatTypingRequest? request, [AsParameters] TenantContext tenant)
    {
        var errors = new ValidationErrors();
        if (Writer(tenant.Caller, request?.Sender, request?.AgentId, errors, out var agentId) is { } forbidden)
        {
            return forbidden;
        }

        if (request?.Sender == ChatWriter.Customer)
        {
            errors.Check(request.AgentId is null, "agentId", "A customer names no agent.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await tenant.Interaction(interactionId).ShowTyping(request?.Sender.ToSender() ?? ChatSender.Agent, agentId, tenant.CancellationToken);
        return result.Outcome == InteractionOutcome.Applied
            ? TypedResults.NoContent()
            : Problem(new InteractionResult(result.Outcome, null, result.Detail), interactionId);
    }

    /// <summary>
    /// Who writes: an agent (as for every action), or the customer, which only a connector may speak for (admin and
    /// integration keys). Returns the problem to answer instead, or null with <paramref name="agentId"/> set (null for the customer).
    /// </summary>
    private static ProblemHttpResult? Writer(Caller caller, ChatWriter? sender, string? bodyAgentId, ValidationErrors errors, out string? agentId)
    {
        agentId = null;
        if (sender == ChatWriter.Customer)
        {
            return caller.Role is ApiKeyRole.Admin or ApiKeyRole.Integration
                ? null
                : ApiProblems.Forbidden("Only admin and integration keys (a connector) may write as the customer.");
        }

        var problem = ResolveActor(caller, bodyAgentId, errors, out var actor);
        agentId = actor;
        return problem;
    }
}
