using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

/// <summary>A new interaction: an inbound call into a queue or straight to an agent, or an agent's outbound call.</summary>
/// <param name="Media">Required; only voice for now (chat, email and voicemail are 422 "not supported yet").</param>
/// <param name="Direction">inbound or outbound.</param>
/// <param name="QueueId">Inbound: the queue the call waits in. Give this or agentId, not both; never outbound.</param>
/// <param name="AgentId">Inbound: the agent the call goes to directly. Outbound: the agent who dials (an agent key: its own, the default).</param>
/// <param name="From">The caller's number in E.164 ('+' then 8-15 digits); required inbound.</param>
/// <param name="To">The number called in E.164; required outbound.</param>
/// <param name="Priority">0-9, higher is offered first; default 5.</param>
public sealed record CreateInteractionRequest(
    MediaType? Media,
    InteractionDirection? Direction,
    string? QueueId,
    string? AgentId,
    string? From,
    string? To,
    int? Priority);
