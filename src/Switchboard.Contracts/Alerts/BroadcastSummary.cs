using Switchboard.Contracts.Live;

namespace Switchboard.Contracts.Alerts;

/// <summary>A broadcast with its counts: recipients, inboxes that have it so far, and read receipts.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.BroadcastSummary")]
public sealed record BroadcastSummary(
    [property: Id(0)] AlertView Alert,
    [property: Id(1)] int RecipientCount,
    [property: Id(2)] int DeliveredCount,
    [property: Id(3)] int ReadCount);
