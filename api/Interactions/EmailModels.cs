using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Email;
using Switchboard.Domain.Email;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Interactions;

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
/// <param name="AgentId">The agent who wrote it (a reply); null for the customer's messages.</param>
/// <param name="Delivery">How sending a reply went; null for the customer's messages.</param>
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
    IReadOnlyList<EmailAttachmentResponse> Attachments,
    string? AgentId,
    EmailDeliveryResponse? Delivery)
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
        [.. m.Attachments.Select(a => new EmailAttachmentResponse(a.Id, a.Name, a.ContentType, a.Size))],
        m.AgentId,
        m.Delivery is { } d ? new EmailDeliveryResponse(d.State, d.Attempts, d.LastAnswer, d.NextAttemptAt) : null);
}

/// <summary>An address, with its display name when it had one.</summary>
/// <param name="Address">The address.</param>
/// <param name="Name">Its display name, or null.</param>
public sealed record EmailAddressResponse(string Address, string? Name)
{
    public static EmailAddressResponse From(EmailAddress a) => new(a.Address, a.Name);
}

/// <summary>A file to send with a reply (multipart/form-data); agentId only with a key that is not an agent's.</summary>
/// <param name="File">The file, with its name and type.</param>
/// <param name="AgentId">The agent who has the email.</param>
public sealed record EmailUpload(IFormFile File, string? AgentId);

/// <summary>An attachment: what it says it is.</summary>
/// <param name="Id">Its id in the conversation, for GET …/emails/attachments/{attachmentId}; null when its content was not kept.</param>
/// <param name="Name">Its file name.</param>
/// <param name="ContentType">Its MIME type.</param>
/// <param name="Size">Its decoded size in bytes.</param>
public sealed record EmailAttachmentResponse(string? Id, string Name, string ContentType, long Size);

/// <summary>How sending a reply went.</summary>
/// <param name="Status">sending (not tried yet), sent (the SMTP server took it), retrying (tried again at nextAttemptAt), failed (refused for good, or every attempt failed).</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastAnswer">The SMTP server's (or the network's) answer to the last attempt.</param>
/// <param name="NextAttemptAt">When it is tried next, while retrying (or sending).</param>
public sealed record EmailDeliveryResponse(EmailDeliveryState Status, int Attempts, string? LastAnswer, DateTimeOffset? NextAttemptAt);

/// <summary>A reply to the customer's last message of an email.</summary>
/// <param name="AgentId">The agent who replies: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="Text">The reply as plain text, 1-50,000 characters (line breaks allowed).</param>
/// <param name="Html">The same reply as HTML, up to 50,000 characters, sent beside the text; optional.</param>
/// <param name="AttachmentIds">Attachments of this conversation to send with it (at most 10), by their id in GET …/emails.</param>
[WireExample("""{"agentId":"a1","text":"Buongiorno Maria,\nle abbiamo rispedito l'ordine oggi.","attachmentIds":["in-1"]}""")]
public sealed record EmailReplyRequest(string? AgentId, string? Text, string? Html, IReadOnlyList<string?>? AttachmentIds)
{
    internal void Validate(ValidationErrors errors)
    {
        errors.Check(Identifiers.IsValidMessage(Text, EmailRules.MaxTextLength), "text",
            $"text must be 1-{EmailRules.MaxTextLength:N0} characters, not blank; line breaks and tabs are the only control characters allowed.");
        if (Html is not null)
        {
            errors.Check(Html.Length is > 0 and <= EmailRules.MaxHtmlLength, "html", $"html, when given, must be 1-{EmailRules.MaxHtmlLength:N0} characters.");
        }

        if (AttachmentIds is { } ids && errors.Check(ids.Count <= EmailRules.MaxReplyAttachments, "attachmentIds", $"A reply sends at most {EmailRules.MaxReplyAttachments} attachments."))
        {
            errors.Check(ids.All(Identifiers.IsValidId), "attachmentIds", "attachmentIds must be attachment ids from GET …/emails.");
        }
    }
}
