using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

/// <summary>One interaction (call, chat, email, voicemail). Keyed by <see cref="GrainKeys.Interaction"/>.</summary>
[Alias("Switchboard.IInteractionGrain")]
public interface IInteractionGrain : IGrainWithStringKey
{
    /// <summary>Creates it. A direct or outbound interaction first has its agent agree; if it cannot, nothing is created.</summary>
    [Alias("Create")]
    Task<InteractionResult> Create(CreateInteraction request, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<InteractionView?> Get(CancellationToken cancellationToken = default);

    /// <summary>An agent's action (accept, hold, transfer, wrap-up, …).</summary>
    /// <summary>
    /// Links it by hand to a customer (and perhaps a case), or corrects the link, in any state; the case it names lists
    /// it (and one it named before no longer does). Linking again to the same makes sure the case lists it.
    /// </summary>
    [Alias("LinkCustomer")]
    Task<InteractionResult> LinkCustomer(InteractionCustomerView link, string actor, CancellationToken cancellationToken = default);

    [Alias("Act")]
    Task<InteractionResult> Act(InteractionAction action, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merge lines: the party of the agent's other call (<paramref name="otherInteractionId"/>) joins this one, in
    /// conference; the other call ends. Both must be calls the agent handles, neither in a consult.
    /// </summary>
    [Alias("MergeLines")]
    Task<InteractionResult> MergeLines(string agentId, string otherInteractionId, CancellationToken cancellationToken = default);

    /// <summary>Merge lines, asked by the call that stays: this call's party leaves for it (not hung up), and this call ends.</summary>
    [Alias("HandOverLine")]
    Task<LineHandOver> HandOverLine(string agentId, string intoInteractionId, CancellationToken cancellationToken = default);

    /// <summary>A telephony leg event (answered, ended, failed) from the gateway or a carrier.</summary>
    [Alias("ReportLeg")]
    Task<InteractionResult> ReportLeg(string legId, LegEventKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Routing: the queue asks to offer this waiting interaction (or its consult) to an agent, and says why that agent
    /// (<paramref name="routing"/>, kept with the offer).
    /// </summary>
    [Alias("TryOffer")]
    Task<OfferAttemptResult> TryOffer(
        string queueId, string agentId, QueuePolicy policy, Queues.WaitingItem work, RoutingExplanationView routing, CancellationToken cancellationToken = default);

    /// <summary>Overflow: the queue hands waiting work on to another queue.</summary>
    [Alias("MoveToQueue")]
    Task<bool> MoveToQueue(string fromQueueId, string toQueueId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a message to the chat's transcript (the customer's, or an agent's while it is in the chat) and tells the
    /// chat's consoles; refused for other media, a chat that is over, or an agent not in it.
    /// </summary>
    [Alias("PostMessage")]
    Task<Chats.ChatPostResult> PostMessage(Chats.ChatPost post, CancellationToken cancellationToken = default);

    /// <summary>
    /// An agent's reply to the email it has (accepted, not ended): kept in the conversation and sent from its mailbox;
    /// refused for other media, other states, or an agent who does not have it.
    /// </summary>
    [Alias("ReplyByEmail")]
    Task<Email.EmailReplyResult> ReplyByEmail(Email.EmailReplyDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// A file the agent who has the email uploaded (its content stored already) to send with a reply: kept in the
    /// conversation with an id of its own; refused as a reply would be.
    /// </summary>
    [Alias("AttachToReply")]
    Task<Email.EmailUploadResult> AttachToReply(string agentId, Email.EmailAttachmentInfo attachment, CancellationToken cancellationToken = default);

    /// <summary>The customer leaves a chat: abandoned while it waits, ended (its agents to wrap-up) once taken.</summary>
    [Alias("CustomerLeaves")]
    Task<InteractionResult> CustomerLeaves(CancellationToken cancellationToken = default);

    /// <summary>Tells the chat's consoles that the customer or an agent is typing; stores nothing.</summary>
    [Alias("ShowTyping")]
    Task<Chats.ChatPostResult> ShowTyping(ChatSender sender, string? agentId, CancellationToken cancellationToken = default);

    /// <summary>Messages after sequence <paramref name="after"/> (0: from the first), oldest first; null when there is no such interaction.</summary>
    [Alias("GetMessages"), ReadOnly]
    Task<Chats.ChatTranscriptPage?> GetMessages(long after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="limit"/> messages, oldest first; null when there is no such interaction.</summary>
    [Alias("GetLatestMessages"), ReadOnly]
    Task<Chats.ChatTranscriptPage?> GetLatestMessages(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a co-browse session for the handling agent (<paramref name="agentId"/>, or null to act for the handler):
    /// its join code is issued and stored before this answers.
    /// </summary>
    [Alias("StartCobrowse")]
    Task<CobrowseResult> StartCobrowse(string? agentId, string actor, CancellationToken cancellationToken = default);

    /// <summary>The customer joined the session with its code (the code was used up before this is called).</summary>
    [Alias("JoinCobrowse")]
    Task<CobrowseResult> JoinCobrowse(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends a co-browse session (as for start); one that has ended is Unchanged.</summary>
    [Alias("EndCobrowse")]
    Task<CobrowseResult> EndCobrowse(string? agentId, string sessionId, string actor, CancellationToken cancellationToken = default);

    /// <summary>Carries out what is due now (offer timeout, wrap-up limits); called by the deadline scheduler.</summary>
    [Alias("CheckDeadlines")]
    Task CheckDeadlines(CancellationToken cancellationToken = default);
}
