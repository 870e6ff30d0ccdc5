using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Email;
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

    /// <summary>The conversation's messages, or why the caller may not read them: an agent reads the work it is or was part of.</summary>
    private static async Task<(IReadOnlyList<EmailMessage> Messages, ProblemHttpResult? Refusal)> ReadEmails(string interactionId, TenantContext tenant)
    {
        if (await tenant.Interaction(interactionId).Get(tenant.CancellationToken) is not { } view)
        {
            return ([], NotFound(interactionId));
        }

        var caller = tenant.Caller;
        if (caller.Role == ApiKeyRole.Agent && !Involves(view, caller.AgentId!))
        {
            return ([], ApiProblems.Forbidden($"Agent '{caller.AgentId}' is not part of interaction '{interactionId}'."));
        }

        return (await tenant.Grains.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId)).List(tenant.CancellationToken), null);
    }
}

/// <summary>One message of an email conversation.</summary>
/// <param name="MessageId">Its Message-ID.</param>
/// <param name="Direction">inbound (from the customer) or outbound (a reply).</param>
/// <param name="From">Its sender.</param>
/// <param name="To">Its To addresses.</param>
/// <param name="Cc">Its Cc addresses.</param>
/// <param name="Subject">Its subject (empty when it had none).</param>
/// <param name="SentAt">Its Date header; null when it had none.</param>
/// <param name="ReceivedAt">When Switchboard received (or sent) it.</param>
/// <param name="Text">Its text: the text part, or the text of its HTML part when it had only that; plain text, never render it as HTML.</param>
/// <param name="TextCut">Whether the text was longer and was cut.</param>
/// <param name="FromHtml">Whether the text was taken from an HTML part.</param>
/// <param name="InReplyTo">The Message-ID it answers, if any.</param>
/// <param name="References">The Message-IDs of the conversation before it.</param>
/// <param name="Attachments">The files it came with: name, type and size in bytes.</param>
public sealed record EmailMessageResponse(
    string MessageId,
    EmailDirection Direction,
    EmailAddressResponse From,
    IReadOnlyList<EmailAddressResponse> To,
    IReadOnlyList<EmailAddressResponse> Cc,
    string Subject,
    DateTimeOffset? SentAt,
    DateTimeOffset ReceivedAt,
    string Text,
    bool TextCut,
    bool FromHtml,
    string? InReplyTo,
    IReadOnlyList<string> References,
    IReadOnlyList<EmailAttachmentResponse> Attachments)
{
    public static EmailMessageResponse Of(EmailMessage m) => new(
        m.MessageId,
        m.Direction,
        EmailAddressResponse.From(m.From),
        [.. m.To.Select(EmailAddressResponse.From)],
        [.. m.Cc.Select(EmailAddressResponse.From)],
        m.Subject,
        m.SentAt,
        m.ReceivedAt,
        m.Text,
        m.TextCut,
        m.FromHtml,
        m.InReplyTo,
        m.References,
        [.. m.Attachments.Select(a => new EmailAttachmentResponse(a.Id, a.Name, a.ContentType, a.Size))]);
}

/// <summary>An address, with its display name when it had one.</summary>
/// <param name="Address">The address.</param>
/// <param name="Name">Its display name, or null.</param>
public sealed record EmailAddressResponse(string Address, string? Name)
{
    public static EmailAddressResponse From(EmailAddress a) => new(a.Address, a.Name);
}

/// <summary>An attachment: what it says it is.</summary>
/// <param name="Id">Its id in the conversation, for GET …/emails/attachments/{attachmentId}; null when its content was not kept.</param>
/// <param name="Name">Its file name.</param>
/// <param name="ContentType">Its MIME type.</param>
/// <param name="Size">Its decoded size in bytes.</param>
public sealed record EmailAttachmentResponse(string? Id, string Name, string ContentType, long Size);
