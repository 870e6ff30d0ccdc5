namespace Switchboard.Contracts.Agents;

/// <summary>One agent: profile, presence state and its audit trail. Keyed by <see cref="GrainKeys.Agent"/>.</summary>
[Alias("Switchboard.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates the agent; a retried create with the same profile is not a conflict.</summary>
    [Alias("Create")]
    Task<CreateAgentResult> Create(AgentProfile profile, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<AgentRecord?> Get(CancellationToken cancellationToken = default);

    /// <summary>Updates the profile; null when the agent does not exist.</summary>
    [Alias("Update")]
    Task<AgentRecord?> Update(AgentProfilePatch patch, CancellationToken cancellationToken = default);

    /// <summary>Deletes the agent (logging it out first) and takes it out of its queues. Its audit trail is kept.</summary>
    [Alias("Delete")]
    Task<DeleteAgentOutcome> Delete(string? actorId, CancellationToken cancellationToken = default);

    [Alias("GetState"), ReadOnly]
    Task<AgentStateView?> GetState(CancellationToken cancellationToken = default);

    /// <summary>Profile, state and the media of the current work in one call (the status view); null when the agent does not exist.</summary>
    [Alias("GetPresence"), ReadOnly]
    Task<AgentPresence?> GetPresence(CancellationToken cancellationToken = default);

    [Alias("ChangeState")]
    Task<StateChangeResult> ChangeState(StateChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Audit entries older than <paramref name="before"/> (a sequence), newest first.</summary>
    [Alias("GetHistory"), ReadOnly]
    Task<StateHistoryPage?> GetHistory(long? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>The agent took a piece of work of this media (system): Busy. The media shows in the status view (reading email).</summary>
    [Alias("StartWork")]
    Task<StateChangeResult> StartWork(string workId, Domain.Queues.MediaType media = Domain.Queues.MediaType.Voice, CancellationToken cancellationToken = default);

    /// <summary>A piece of work ended (system): WrapUp once no work is left.</summary>
    [Alias("EndWork")]
    Task<StateChangeResult> EndWork(string workId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the agent is a member of <paramref name="queueId"/> with this skill level (again: the new level).
    /// False when the agent does not exist. Called by the queue grain only.
    /// </summary>
    [Alias("JoinQueue")]
    Task<bool> JoinQueue(string queueId, int skillLevel, CancellationToken cancellationToken = default);

    /// <summary>Forgets the membership of <paramref name="queueId"/>, if any. Called by the queue grain only.</summary>
    [Alias("LeaveQueue")]
    Task LeaveQueue(string queueId, CancellationToken cancellationToken = default);

    /// <summary>The queues the agent is a member of, ordered by queue id; null when the agent does not exist.</summary>
    [Alias("GetQueues"), ReadOnly]
    Task<IReadOnlyList<QueueMembership>?> GetQueues(CancellationToken cancellationToken = default);

    /// <summary>
    /// Routing asks the agent to hold an offer. Yes only if it may take work of that medium now (routed: Available, or
    /// busy with room for it and nothing blocking it; direct: also Offline) and holds no other offer, and, for routed work, if none of its other queues has older or more urgent work waiting
    /// (that queue is told to offer it instead). Idempotent for the offer it already holds. Null when it holds it; else why not.
    /// </summary>
    [Alias("TryHoldOffer")]
    Task<Domain.Routing.SkipReason?> TryHoldOffer(OfferHold hold, CancellationToken cancellationToken = default);

    /// <summary>
    /// The agent is about to talk on this call (accepting it, resuming it, or starting one): refused while another of its
    /// calls is connected (one line at a time: hold that one first); otherwise the call is no longer counted on hold, and
    /// the answer says whether the agent's own phone is rung for it or its softphone answers with the accept.
    /// </summary>
    [Alias("TakeLine")]
    Task<CallLine> TakeLine(string interactionId, CancellationToken cancellationToken = default);

    /// <summary>The agent put this call on hold: line 2 is free for another call. Idempotent.</summary>
    [Alias("PutCallOnHold")]
    Task PutCallOnHold(string interactionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merging the agent's lines starts: false while another merge of its lines runs (one at a time, so that two calls
    /// never wait on each other to merge). Ended by <see cref="EndMerge"/>, or by itself after a minute.
    /// </summary>
    [Alias("TryStartMerge")]
    Task<bool> TryStartMerge(string interactionId, CancellationToken cancellationToken = default);

    [Alias("EndMerge")]
    Task EndMerge(string interactionId, CancellationToken cancellationToken = default);

    /// <summary>The agent's calls now, oldest first, each with whether it is on hold.</summary>
    [Alias("GetLines"), ReadOnly]
    Task<IReadOnlyList<AgentLine>> GetLines(CancellationToken cancellationToken = default);

    /// <summary>Whether the agent has a verified phone of its own: with a carrier, it takes calls only then.</summary>
    [Alias("SetVerifiedPhone")]
    Task SetVerifiedPhone(bool verified, CancellationToken cancellationToken = default);

    /// <summary>The offer of this interaction is withdrawn (the caller hung up, the consult was cancelled). Idempotent.</summary>
    [Alias("ReleaseOffer")]
    Task ReleaseOffer(string interactionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A hold the agent agreed to is let go by the request that asked for it, which was refused: nothing was offered, so
    /// the agent's idle time is as it was. Idempotent.
    /// </summary>
    [Alias("WithdrawHold")]
    Task WithdrawHold(string interactionId, CancellationToken cancellationToken = default);

    /// <summary>No answer in time (RONA): release it and go on Break with the system code <c>no-answer</c>. Idempotent.</summary>
    [Alias("OfferNotAnswered")]
    Task OfferNotAnswered(string interactionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The agent rejected it: release it and go to <paramref name="then"/> (code <c>rejected</c> unless Available), or
    /// stay as it is when null (a direct offer). Idempotent.
    /// </summary>
    [Alias("OfferRejected")]
    Task OfferRejected(string interactionId, Domain.Agents.AgentState? then, CancellationToken cancellationToken = default);

    /// <summary>
    /// Wrap-up of this work finished (system): the next state, or the state before the work. Nothing if the agent is not
    /// in the wrap-up of this work, so that a replay never ends a later wrap-up.
    /// </summary>
    [Alias("CompleteWrapUpFor")]
    Task<StateChangeResult> CompleteWrapUpFor(string workId, CancellationToken cancellationToken = default);

    /// <summary>
    /// What routed work the agent may be offered now, and why not the rest: no media when none (not Available or busy at
    /// capacity, or holding an offer). Null when the agent does not exist.
    /// </summary>
    [Alias("GetRoutingReadiness"), AlwaysInterleave]
    Task<RoutingReadiness?> GetRoutingReadiness(CancellationToken cancellationToken = default);

    /// <summary>Tells the agent's queues again whether it can take routed work (after it declined work for better work elsewhere).</summary>
    [Alias("RenotifyQueues"), OneWay]
    Task RenotifyQueues();

    /// <summary>
    /// The interactions the agent has now: the one offered to it, those it handles and the one it wraps up (ids, oldest
    /// first); empty when the agent does not exist.
    /// </summary>
    [Alias("GetCurrentWork"), ReadOnly]
    Task<IReadOnlyList<string>> GetCurrentWork(CancellationToken cancellationToken = default);

    /// <summary>Lets go of a held offer older than any offer can be (left behind by a failure); nothing otherwise.</summary>
    [Alias("ReleaseStaleOffer"), OneWay]
    Task ReleaseStaleOffer();

    /// <summary>Appends the state changes the event history may not have yet: the agent's own retry after an append failed.</summary>
    [Alias("AppendHistory"), OneWay]
    Task AppendHistory();
}
