using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Queues;

/// <summary>
/// A merge patch of a queue's settings: null fields stay as they are. <see cref="RemoveOverflow"/> drops the overflow;
/// otherwise the overflow fields given are merged into the current overflow (or start a new one).
/// <see cref="ClearWrapUpMaxSeconds"/> removes the wrap-up time limit.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueConfigPatch")]
public sealed record QueueConfigPatch(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] MediaType? Media = null,
    [property: Id(2)] RoutingStrategy? Strategy = null,
    [property: Id(3)] int? OfferTimeoutSeconds = null,
    [property: Id(4)] IReadOnlyList<string>? TransactionCodes = null,
    [property: Id(5)] bool? WrapUpCodeRequired = null,
    [property: Id(6)] int? WrapUpMaxSeconds = null,
    [property: Id(7)] bool ClearWrapUpMaxSeconds = false,
    [property: Id(8)] string? OverflowQueueId = null,
    [property: Id(9)] int? OverflowAfterSeconds = null,
    [property: Id(10)] bool RemoveOverflow = false,
    [property: Id(11)] AgentState? RejectAgentState = null,
    [property: Id(12)] int? ServiceLevelSeconds = null,
    [property: Id(13)] int? AbandonThresholdSeconds = null);
