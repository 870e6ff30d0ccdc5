using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Email;
using Switchboard.Domain.Tenancy;
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

        interaction.MapPost("/emails/attachments", UploadAttachment)
            .Accepts<EmailUpload>("multipart/form-data")
            .WithMetadata(new Middleware.BodyLimit(EmailRules.MaxUploadBytes + UploadOverhead))
            .WithName("UploadEmailAttachment")
            .WithSummary("Upload a file to send with a reply")
            .WithDescription("multipart/form-data: file (its name and type as the part gives them, up to " +
                $"{EmailRules.MaxUploadBytes / (1024 * 1024)} MB), and agentId with an admin, supervisor or integration key. The agent who " +
                "has the email (as for a reply) keeps it in the conversation with an id of its own (out-1, out-2, …) to name in a reply's " +
                $"attachmentIds; at most {EmailRules.MaxPendingUploads} wait to be sent (409 beyond). 201 with the attachment; GET " +
                "…/emails/attachments/{id} downloads it. Files are kept until the interaction's retention ends." + ActorNote)
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

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
        if ((await Readable(interactionId, tenant)).Refusal is { } refusal)
        {
            return refusal;
        }

        var attachment = await tenant.Grains.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId)).FindAttachment(attachmentId, tenant.CancellationToken);
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

    /// <summary>Room for a multipart body's boundaries, headers and agentId beside its file.</summary>
    private const int UploadOverhead = 64 * 1024;

    private static async Task<Results<Created<EmailAttachmentResponse>, ProblemHttpResult>> UploadAttachment(
        string interactionId, HttpRequest request, IContentStore content, [AsParameters] TenantContext tenant)
    {
        if (MultipartUploads.BoundaryOf(request) is not { } boundary)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Send multipart/form-data with file (and agentId with a key that is not an agent's).");
        }

        var interaction = await tenant.Interaction(interactionId).Get(tenant.CancellationToken);
        if (interaction is null)
        {
            return NotFound(interactionId);
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = EmailRules.MaxUploadBytes };
        string? bodyAgentId = null;
        EmailAttachmentInfo? stored = null;
        var kept = false;
        var errors = new ValidationErrors();
        try
        {
            while (await reader.NextAsync(tenant.CancellationToken) is { } section)
            {
                var field = MultipartUploads.FieldOf(section);
                switch (field)
                {
                    case "agentId" when bodyAgentId is null:
                        bodyAgentId = await MultipartUploads.ReadTextAsync(section, Identifiers.MaxIdLength, tenant.CancellationToken);
                        break;
                    case "file" when stored is null:
                        var name = ContentNames.OfInteraction(interaction.CreatedAt, tenant.TenantId, interactionId, "upload-" + Guid.NewGuid().ToString("N"));
                        stored = new EmailAttachmentInfo(EmailRules.FileName(MultipartUploads.FileNameOf(section)), UploadType(section.ContentType), 0, null, name);
                        await using (var body = new PrefixedStream(ReadOnlyMemory<byte>.Empty, section.Body))
                        {
                            stored = stored with { Size = await content.PutAsync(name, body, stored.ContentType, tenant.CancellationToken) };
                        }

                        break;
                    default:
                        errors.Add(field ?? "file", field is null
                            ? "Every part must be form-data with a name: file, or agentId."
                            : $"'{RouteIds.Printable(field)}' is not a field of this upload, or is given twice: send file (and agentId) once each.");
                        break;
                }
            }

            if (ResolveActor(tenant.Caller, bodyAgentId, errors, out var agentId) is { } forbidden)
            {
                return forbidden;
            }

            errors.Check(stored is not null, "file", "file is required: the file to send with a reply.");
            if (errors.HasErrors)
            {
                return ApiProblems.Invalid(errors);
            }

            var result = await tenant.Interaction(interactionId).AttachToReply(agentId, stored!, tenant.CancellationToken);
            if (result is not { Outcome: InteractionOutcome.Applied, Attachment: { } attachment })
            {
                return Problem(new InteractionResult(result.Outcome, null, result.Detail), interactionId);
            }

            kept = true;
            return TypedResults.Created($"/v1/interactions/{interactionId}/emails/attachments/{attachment.Id}",
                new EmailAttachmentResponse(attachment.Id, attachment.Name, attachment.ContentType, attachment.Size));
        }
        catch (InvalidDataException)
        {
            return ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, $"A file sent with a reply is at most {EmailRules.MaxUploadBytes / (1024 * 1024)} MB.");
        }
        finally
        {
            // A file refused, or cut off on the way, is not kept: nothing else would ever name it.
            if (!kept && stored is not null)
            {
                await content.DeleteAsync(stored.ContentName!, CancellationToken.None);
            }
        }
    }

    /// <summary>The type a part declares, when it is a well-formed media type; application/octet-stream otherwise.</summary>
    private static string UploadType(string? declared) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(declared, out var type)
        && type.Type.HasValue && type.SubType.HasValue && !type.MatchesAllTypes && !type.MatchesAllSubTypes && type.MediaType.Length <= 100
            ? type.MediaType.Value!.ToLowerInvariant()
            : SafeDownload.OtherType;

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
