namespace Switchboard.Contracts.Email;

/// <summary>Which way a message of an email conversation went.</summary>
[GenerateSerializer, Alias("Switchboard.EmailDirection")]
public enum EmailDirection
{
    /// <summary>From the customer, received through a mailbox.</summary>
    Inbound = 0,

    /// <summary>A reply sent from the mailbox.</summary>
    Outbound = 1,
}

/// <summary>An address on a message, with its display name when it had one.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailAddress")]
public sealed record EmailAddress([property: Id(0)] string Address, [property: Id(1)] string? Name);

/// <summary>
/// A file attached to a message: what it says it is, its decoded size, and where its content is kept (its id is unique in
/// its conversation; messages kept before content was stored have neither).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailAttachmentInfo")]
public sealed record EmailAttachmentInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long Size,
    [property: Id(3)] string? Id = null,
    [property: Id(4)] string? ContentName = null);

/// <summary>
/// One message of an email conversation as Switchboard keeps it: headers that thread it, and its text (a message with
/// only HTML is kept as the text of that HTML, never as markup; a longer text is cut, and says so).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailMessage")]
public sealed record EmailMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] EmailDirection Direction,
    [property: Id(2)] EmailAddress From,
    [property: Id(3)] IReadOnlyList<EmailAddress> To,
    [property: Id(4)] IReadOnlyList<EmailAddress> Cc,
    [property: Id(5)] string Subject,
    [property: Id(6)] DateTimeOffset? SentAt,
    [property: Id(7)] DateTimeOffset ReceivedAt,
    [property: Id(8)] string Text,
    [property: Id(9)] bool TextCut,
    [property: Id(10)] bool FromHtml,
    [property: Id(11)] string? InReplyTo,
    [property: Id(12)] IReadOnlyList<string> References,
    [property: Id(13)] IReadOnlyList<EmailAttachmentInfo> Attachments,
    [property: Id(14)] string? AgentId = null,
    [property: Id(15)] EmailDelivery? Delivery = null);

/// <summary>Where a reply's sending stands.</summary>
[GenerateSerializer, Alias("Switchboard.EmailDeliveryState")]
public enum EmailDeliveryState
{
    /// <summary>Waiting for its first attempt.</summary>
    Sending = 0,

    /// <summary>The SMTP server took it.</summary>
    Sent = 1,

    /// <summary>An attempt failed in a way that may pass (a 4xx answer, no connection): tried again at <see cref="EmailDelivery.NextAttemptAt"/>.</summary>
    Retrying = 2,

    /// <summary>Refused for good (a 5xx answer), or every attempt failed.</summary>
    Failed = 3,
}

/// <summary>How a reply's sending went: attempts made, the SMTP server's last answer, and when it is tried next.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailDelivery")]
public sealed record EmailDelivery(
    [property: Id(0)] EmailDeliveryState State,
    [property: Id(1)] int Attempts,
    [property: Id(2)] string? LastAnswer,
    [property: Id(3)] DateTimeOffset? NextAttemptAt);

/// <summary>A reply an agent writes: its text, an HTML version if any, and attachments of the conversation to send on.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailReplyDraft")]
public sealed record EmailReplyDraft(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Html,
    [property: Id(3)] IReadOnlyList<string> AttachmentIds);

/// <summary>What became of a reply: the message as kept (with its delivery), or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailReplyResult")]
public sealed record EmailReplyResult(
    [property: Id(0)] Interactions.InteractionOutcome Outcome,
    [property: Id(1)] EmailMessage? Message,
    [property: Id(2)] string? Detail = null,
    [property: Id(3)] string? Field = null);

/// <summary>A file uploaded for a reply: kept with its id, or why not.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailUploadResult")]
public sealed record EmailUploadResult(
    [property: Id(0)] Interactions.InteractionOutcome Outcome,
    [property: Id(1)] EmailAttachmentInfo? Attachment,
    [property: Id(2)] string? Detail = null);
