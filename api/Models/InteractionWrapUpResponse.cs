using Switchboard.Contracts.Interactions;

namespace Switchboard.Api.Models;

/// <summary>One agent's wrap-up: open until <c>completedAt</c>; <c>timedOut</c> when the queue's limit closed it.</summary>
public sealed record InteractionWrapUpResponse(
    string AgentId,
    bool CodeRequired,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    IReadOnlyList<string> TransactionCodes,
    string? Notes,
    DateTimeOffset? CompletedAt,
    bool TimedOut)
{
    public static InteractionWrapUpResponse From(WrapUpView wrapUp) =>
        new(wrapUp.AgentId, wrapUp.CodeRequired, wrapUp.StartedAt, wrapUp.Deadline, wrapUp.Codes, wrapUp.Notes, wrapUp.CompletedAt, wrapUp.TimedOut);
}
