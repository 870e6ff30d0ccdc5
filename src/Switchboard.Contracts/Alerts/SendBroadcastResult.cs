namespace Switchboard.Contracts.Alerts;

/// <summary>What sending did; <see cref="Broadcast"/> is set when it was sent (or existed already).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.SendBroadcastResult")]
public sealed record SendBroadcastResult(
    [property: Id(0)] SendBroadcastOutcome Outcome,
    [property: Id(1)] BroadcastView? Broadcast,
    [property: Id(2)] string? Detail);
