using Switchboard.Domain.Routing;

namespace Switchboard.Contracts.Interactions;

/// <summary>What came of a queue's attempt to offer work to one agent; when the agent would not hold it, why.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OfferAttemptResult")]
public sealed record OfferAttemptResult(
    [property: Id(0)] OfferAttempt Attempt,
    [property: Id(1)] SkipReason? Refused = null);
