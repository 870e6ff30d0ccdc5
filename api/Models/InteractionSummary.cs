using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

/// <summary>An interaction in a list: what it is and where it stands (GET the interaction for legs and timeline).</summary>
/// <param name="Id">The interaction id.</param>
/// <param name="State">Its state.</param>
/// <param name="Media">voice (chat, email and voicemail later).</param>
/// <param name="Direction">inbound or outbound.</param>
/// <param name="QueueId">The queue it waits or waited in, if any.</param>
/// <param name="Priority">0-9.</param>
/// <param name="From">The caller's number.</param>
/// <param name="To">The number called.</param>
/// <param name="Handler">The agent handling it now, if any.</param>
/// <param name="OfferedTo">The agent it is offered to now, if any.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
/// <param name="TransactionCodes">Codes saved at wrap-up.</param>
public sealed record InteractionSummary(
    string Id,
    InteractionState State,
    MediaType Media,
    InteractionDirection Direction,
    string? QueueId,
    int Priority,
    string? From,
    string? To,
    string? Handler,
    string? OfferedTo,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> TransactionCodes)
{
    public static InteractionSummary Of(InteractionView v) =>
        new(v.Id, v.State, v.Media, v.Direction, v.QueueId, v.Priority, v.From, v.To, v.Handler, v.Offer?.AgentId, v.CreatedAt, v.EndedAt, v.TransactionCodes);
}
