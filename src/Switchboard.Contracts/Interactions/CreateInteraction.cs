using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Interactions;

/// <summary>
/// A new interaction: inbound into a queue or to an agent, an outbound call by an agent, or internal work from one agent
/// (<see cref="From"/>) to another (<see cref="AgentId"/>), a chat with its <see cref="FirstMessage"/> if any. The CRM
/// <see cref="Customer"/> when the caller knows it (a click-to-dial); otherwise it is matched by number or address.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CreateInteraction")]
public sealed record CreateInteraction(
    [property: Id(0)] MediaType Media,
    [property: Id(1)] InteractionDirection Direction,
    [property: Id(2)] string? QueueId,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] string? From,
    [property: Id(5)] string? To,
    [property: Id(6)] int Priority,
    [property: Id(7)] string Actor,
    [property: Id(8)] string? CustomerName = null,
    [property: Id(9)] string? FirstMessage = null,
    [property: Id(10)] InteractionCustomerView? Customer = null,
    [property: Id(11)] string? PreferredAgentId = null,
    [property: Id(12)] string? RelatedInteractionId = null);
