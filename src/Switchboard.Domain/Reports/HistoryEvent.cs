using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Reports;

/// <summary>
/// One entry of a tenant's event history, the single source of its live figures and its reports. Appended at least once:
/// <see cref="Id"/> is the same each time the same event is appended again, so whoever reads keeps it once.
/// </summary>
/// <param name="Id">
/// Stable: <c>i:{interactionId}:{timeline sequence}</c>, <c>m:{interactionId}:{chat message sequence}</c>,
/// <c>r:{interactionId}:{email message number}</c> or <c>a:{agentId}:{audit sequence}</c>.
/// </param>
/// <param name="At">When it happened.</param>
/// <param name="Type">
/// An interaction timeline type (<c>queued</c>, <c>accepted</c>, <c>ended</c>, …), <c>message</c> (a chat message),
/// <c>replied</c> (an email reply) or <c>agent-state</c>.
/// </param>
/// <param name="AgentId">The agent it is about, if any.</param>
/// <param name="QueueId">The queue it counts for, if any: the queue an interaction waited in or was answered from.</param>
/// <param name="InteractionId">The interaction, for interaction events.</param>
/// <param name="Media">The interaction's medium.</param>
/// <param name="State">For <c>agent-state</c>: the state entered.</param>
/// <param name="Code">
/// For <c>agent-state</c>: the status code of the state entered; for a wrap-up: its transaction codes, comma-separated;
/// for a chat message: its sender (<c>customer</c>, <c>agent</c>, <c>system</c>).
/// </param>
/// <param name="FromState">For <c>agent-state</c>: the state left.</param>
/// <param name="FromCode">For <c>agent-state</c>: the status code of the state left.</param>
/// <param name="Seconds">
/// The event's duration: the wait before <c>accepted</c> or <c>abandoned</c>, the talk time before <c>ended</c>, the hold
/// before <c>resumed</c>, the wrap-up before <c>wrap-up-saved</c>/<c>wrap-up-timed-out</c>, the time in the state left
/// for <c>agent-state</c>.
/// </param>
/// <param name="Target">Where a transfer or consult went: <c>queue:{id}</c>, <c>agent:{id}</c>, <c>external:{number}</c>.</param>
public sealed record HistoryEvent(
    string Id,
    DateTimeOffset At,
    string Type,
    string? AgentId = null,
    string? QueueId = null,
    string? InteractionId = null,
    MediaType? Media = null,
    string? State = null,
    string? Code = null,
    string? FromState = null,
    string? FromCode = null,
    double? Seconds = null,
    string? Target = null);

/// <summary>The history's event types that figures are computed from (the others are kept for the record).</summary>
public static class HistoryTypes
{
    public const string AgentState = "agent-state";
    public const string Queued = "queued";
    public const string Overflowed = "overflowed";
    public const string Offered = "offered";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string OfferTimedOut = "offer-timed-out";
    public const string Held = "held";
    public const string Resumed = "resumed";
    public const string Transferred = "transferred";
    public const string ConsultStarted = "consult-started";
    public const string ConferenceStarted = "conference-started";
    public const string Ended = "ended";
    public const string Abandoned = "abandoned";
    public const string Failed = "failed";
    public const string WrapUpSaved = "wrap-up-saved";
    public const string WrapUpTimedOut = "wrap-up-timed-out";

    /// <summary>A chat message; its <see cref="HistoryEvent.Code"/> says who wrote it (customer, agent, system).</summary>
    public const string Message = "message";

    /// <summary>An agent's email reply, counted when the agent sends it.</summary>
    public const string Replied = "replied";
}
