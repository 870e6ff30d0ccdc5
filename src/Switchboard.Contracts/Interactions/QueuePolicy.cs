using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Interactions;

/// <summary>The parts of a queue's settings an offered interaction keeps: offer timeout, codes, wrap-up, reject state; and the medium the queue carries.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueuePolicy")]
public sealed record QueuePolicy(
    [property: Id(0)] int OfferTimeoutSeconds,
    [property: Id(1)] IReadOnlyList<string> TransactionCodes,
    [property: Id(2)] bool CodeRequired,
    [property: Id(3)] int? MaxWrapUpSeconds,
    [property: Id(4)] AgentState RejectAgentState,
    [property: Id(5)] Domain.Queues.MediaType Media = Domain.Queues.MediaType.Voice);
