using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Interactions;
using Switchboard.Storage.Content;

namespace Switchboard.Api.Interactions;

// /v1/interactions/{interactionId}/emails: the messages of an email conversation.
public static partial class InteractionsApi
{
    private static void MapEmails(RouteGroupBuilder interaction)
    {
        interaction.MapGet("/emails", GetEmails)
            .WithName("GetEmails")
            .WithSummary("Read an email conversation")
            .WithDescription("Its messages, oldest first, each with its addresses, subject, threading headers, text (never HTML) and the " +
                "attachments it came with. An agent key reads the email work its agent is or was part of. Empty for other media.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        interaction.MapPost("/reply", Reply)
            .WithName("ReplyByEmail")
            .WithSummary("Reply to an email")
            .WithDescription("The agent who has the email (accepted, not ended) answers the customer's last message: plain text, an HTML version " +
                "if wanted, and attachments of the conversation to send on (attachmentIds). It is sent from the mailbox the email came to, " +
                "threaded under the message it answers (In-Reply-To, References) with the case it follows in the subject ([Case #n]). " +
                "202: the reply is kept and goes out shortly; its delivery (sending, sent, retrying with the server's answer and the next " +
                "attempt, failed) is in GET …/emails. A server that cannot take it now is tried again with back-off over about eight hours. " +
                "409 when the interaction is not an email in the agent's hands, or no SMTP server is configured (Email:Smtp:Host)." + ActorNote)
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        interaction.MapGet("/emails/attachments/{attachmentId}", GetAttachment)
            .WithName("GetEmailAttachment")
            .WithSummary("Download an attachment of an email conversation")
            .WithDescription("The file as it came (Range requests answered with 206), always as a download: images, PDF, audio and plain " +
                "text keep their type, anything else is application/octet-stream, and nothing is ever served as active content. " +
                "404 when the conversation has no such attachment or its content is past retention. Readers as for the conversation.")
            .ProducesDownload()
            .ProducesStandardProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAttachment(string interactionId, string attachmentId, IContentStore content, [AsParameters] TenantContext tenant)
    {
        var (messages, refusal) = await ReadEmails(interactionId, tenant);
        if (refusal is not null)
        {
            return refusal;
        }

        var attachment = messages.SelectMany(m => m.Attachments).FirstOrDefault(a => a.Id == attachmentId);
        if (attachment?.ContentName is not { } name)
        {
            return ApiProblems.NotFound($"Interaction '{interactionId}' has no attachment '{attachmentId}'.");
        }

        if (await content.OpenAsync(name, tenant.CancellationToken) is not { } stream)
        {
            return ApiProblems.NotFound($"The content of attachment '{attachmentId}' is no longer kept (past retention).");
        }

        SafeDownload.Mark(tenant.Http.Response);
        return TypedResults.Stream(stream, SafeDownload.ContentType(attachment.ContentType), attachment.Name, enableRangeProcessing: true);
    }

    private static async Task<Results<Ok<Page<EmailMessageResponse>>, ProblemHttpResult>> GetEmails(string interactionId, [AsParameters] TenantContext tenant)
    {
        var (messages, refusal) = await ReadEmails(interactionId, tenant);
        return refusal ?? (Results<Ok<Page<EmailMessageResponse>>, ProblemHttpResult>)TypedResults.Ok(new Page<EmailMessageResponse>([.. messages.Select(EmailMessageResponse.Of)], null));
    }

    private static async Task<Results<Accepted<EmailMessageResponse>, ProblemHttpResult>> Reply(
        string interactionId, EmailReplyRequest request, [AsParameters] TenantContext tenant)
    {
        var errors = new ValidationErrors();
        if (ResolveActor(tenant.Caller, request.AgentId, errors, out var agentId) is { } forbidden)
        {
            return forbidden;
        }

        request.Validate(errors);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await tenant.Interaction(interactionId).ReplyByEmail(
            new EmailReplyDraft(agentId, request.Text!, request.Html, [.. (request.AttachmentIds ?? []).OfType<string>()]), tenant.CancellationToken);
        return result is { Outcome: InteractionOutcome.Applied, Message: { } reply }
            ? TypedResults.Accepted($"/v1/interactions/{interactionId}/emails", EmailMessageResponse.Of(reply))
            : Problem(new InteractionResult(result.Outcome, null, result.Detail, result.Field), interactionId);
    }

    /// <summary>The conversation's messages, or why the caller may not read them: an agent reads the work it is or was part of.</summary>
    private static async Task<(IReadOnlyList<EmailMessage> Messages, ProblemHttpResult? Refusal)> ReadEmails(string interactionId, TenantContext tenant)
    {
        if ((await Readable(interactionId, tenant)).Refusal is { } refusal)
        {
            return ([], refusal);
        }

        return (await tenant.Grains.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId)).List(tenant.CancellationToken), null);
    }
}
