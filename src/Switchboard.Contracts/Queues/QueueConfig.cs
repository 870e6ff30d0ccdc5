using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Contracts.Queues;

/// <summary>A queue's settings on the wire; the serializable form of <see cref="QueueSettings"/>.</summary>
/// <remarks>
/// The service level and abandon threshold are nullable for configs stored before they existed (Orleans leaves a missing
/// field at its default, and 0 is a valid threshold): null reads as the setting's default.
/// </remarks>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueConfig")]
public sealed record QueueConfig(
    [property: Id(0)] string Name,
    [property: Id(1)] MediaType Media,
    [property: Id(2)] RoutingStrategy Strategy,
    [property: Id(3)] int OfferTimeoutSeconds,
    [property: Id(4)] IReadOnlyList<string> TransactionCodes,
    [property: Id(5)] QueueWrapUpConfig WrapUp,
    [property: Id(6)] QueueOverflowConfig? Overflow,
    [property: Id(7)] AgentState RejectAgentState,
    [property: Id(8)] int? ServiceLevelSeconds = null,
    [property: Id(9)] int? AbandonThresholdSeconds = null)
{
    public static QueueConfig From(QueueSettings settings) => new(
        settings.Name,
        settings.Media,
        settings.Strategy,
        settings.OfferTimeoutSeconds,
        settings.TransactionCodes.ToArray(),
        new QueueWrapUpConfig(settings.WrapUp.CodeRequired, settings.WrapUp.MaxSeconds),
        settings.Overflow is { } overflow ? new QueueOverflowConfig(overflow.QueueId, overflow.AfterSeconds) : null,
        settings.RejectAgentState,
        settings.ServiceLevelSeconds,
        settings.AbandonThresholdSeconds);

    public QueueSettings ToSettings() => new(
        Name,
        Media,
        Strategy,
        OfferTimeoutSeconds,
        TransactionCodes,
        new WrapUpPolicy(WrapUp.CodeRequired, WrapUp.MaxSeconds),
        Overflow is { } overflow ? new QueueOverflow(overflow.QueueId, overflow.AfterSeconds) : null,
        RejectAgentState,
        ServiceLevelSeconds ?? QueueSettings.DefaultServiceLevelSeconds,
        AbandonThresholdSeconds ?? QueueSettings.DefaultAbandonThresholdSeconds);

    // Value equality for the code list too (records compare lists by reference), so a copy read back equals the original.
    public bool Equals(QueueConfig? other) => other is not null && ToSettings().Equals(other.ToSettings());

    public override int GetHashCode() => ToSettings().GetHashCode();
}
