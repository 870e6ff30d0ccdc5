namespace Switchboard.Contracts.Alerts;

/// <summary>A broadcast with each recipient (ordered by agent id): what the sender sees.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.BroadcastView")]
public sealed record BroadcastView(
    [property: Id(0)] BroadcastSummary Summary,
    [property: Id(1)] IReadOnlyList<BroadcastRecipient> Recipients);
