namespace Switchboard.Contracts.Email;

/// <summary>
/// The messages of one email interaction, oldest first, keyed like the interaction (<see cref="GrainKeys.Interaction"/>),
/// with what links it to its conversation and its case. A message is kept once by its Message-ID, so a gateway that
/// delivers it again changes nothing.
/// </summary>
[Alias("Switchboard.IEmailThreadGrain")]
public interface IEmailThreadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds a message (the first one with the conversation it continues, if any); false when one with its Message-ID is
    /// there already or the thread is full (nothing changes).
    /// </summary>
    [Alias("Add")]
    Task<bool> Add(EmailMessage message, EmailConversationLink? link = null, CancellationToken cancellationToken = default);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<EmailMessage>> List(CancellationToken cancellationToken = default);

    /// <summary>The conversation, when a message with this Message-ID is in it; null otherwise.</summary>
    [Alias("Find"), ReadOnly]
    Task<EmailConversation?> Find(string messageId, CancellationToken cancellationToken = default);

    [Alias("GetConversation"), ReadOnly]
    Task<EmailConversation> GetConversation(CancellationToken cancellationToken = default);

    /// <summary>
    /// The case the accepted email follows: the one it follows already; else its conversation's case or the case its
    /// link names; else a new case for the sender (found by address, or created), opened by <paramref name="agentId"/>.
    /// The same case on every call. Null when there is no customer message, or the CRM has no room.
    /// </summary>
    [Alias("OpenCase")]
    Task<EmailCase?> OpenCase(string agentId, CancellationToken cancellationToken = default);

    /// <summary>Keeps a file uploaded to send with a reply, under the next upload id; null when as many wait already as may.</summary>
    [Alias("AddUpload")]
    Task<EmailAttachmentInfo?> AddUpload(EmailAttachmentInfo attachment, CancellationToken cancellationToken = default);

    /// <summary>An attachment of the conversation by id: of a message, or uploaded for a reply and not sent yet.</summary>
    [Alias("FindAttachment"), ReadOnly]
    Task<EmailAttachmentInfo?> FindAttachment(string attachmentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a reply to the customer's last message, sent from <paramref name="mailboxAddress"/>, and sends it soon after
    /// (again with back-off while the server cannot take it). The caller has checked that the agent may reply. Its
    /// attachments are the conversation's: of its messages, or uploaded for it.
    /// </summary>
    [Alias("Reply")]
    Task<EmailReplyResult> Reply(EmailReplyDraft draft, string mailboxAddress, CancellationToken cancellationToken = default);

    /// <summary>Sends the replies that are due: called when one is, and by the reminder kept while any waits.</summary>
    [Alias("SendDue")]
    Task SendDue(CancellationToken cancellationToken = default);

    /// <summary>How attempt <paramref name="attempt"/> to send reply <paramref name="messageId"/> went (a stale report changes nothing).</summary>
    [Alias("Delivered")]
    Task Delivered(string messageId, int attempt, EmailSendOutcome outcome, CancellationToken cancellationToken = default);
}
