using Switchboard.Contracts.Live;

namespace Switchboard.Contracts.Alerts;

/// <summary>An alert in an agent's inbox, with when the agent read it (null: unread).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InboxAlert")]
public sealed record InboxAlert(
    [property: Id(0)] AlertView Alert,
    [property: Id(1)] DateTimeOffset? ReadAt);
