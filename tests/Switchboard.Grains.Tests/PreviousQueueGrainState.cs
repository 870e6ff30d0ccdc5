using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A queue grain's state as hosts before the service level and abandon threshold wrote it: the same fields and ids as
/// <see cref="Queues.QueueGrainState"/>, with the config of that time. Written to storage to be read back as the current state.
/// </summary>
[GenerateSerializer, Alias("Switchboard.Grains.Tests.PreviousQueueGrainState")]
public sealed class PreviousQueueGrainState
{
    [Id(0)] public bool Exists { get; set; }

    // Declared as the type it holds, so no type name is written: the bytes are those of the previous state.
    [Id(1)] public PreviousQueueConfig? Config { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public Dictionary<string, int> Members { get; set; } = new(StringComparer.Ordinal);
}

/// <summary><see cref="QueueConfig"/> as it was before the service level and abandon threshold.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Grains.Tests.PreviousQueueConfig")]
public sealed record PreviousQueueConfig(
    [property: Id(0)] string Name,
    [property: Id(1)] MediaType Media,
    [property: Id(2)] RoutingStrategy Strategy,
    [property: Id(3)] int OfferTimeoutSeconds,
    [property: Id(4)] IReadOnlyList<string> TransactionCodes,
    [property: Id(5)] QueueWrapUpConfig WrapUp,
    [property: Id(6)] QueueOverflowConfig? Overflow,
    [property: Id(7)] AgentState RejectAgentState);
