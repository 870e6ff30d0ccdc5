using Switchboard.Contracts.Live;

namespace Switchboard.Contracts.Alerts;

/// <summary>A broadcast to send; <see cref="SentBy"/> is the sender's API key id.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.SendBroadcast")]
public sealed record SendBroadcast(
    [property: Id(0)] string Text,
    [property: Id(1)] AlertAudience Audience,
    [property: Id(2)] string SentBy,
    [property: Id(3)] DateTimeOffset? ExpiresAt);
