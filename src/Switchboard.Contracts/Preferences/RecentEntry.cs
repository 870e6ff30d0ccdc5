namespace Switchboard.Contracts.Preferences;

/// <summary>An agent or queue an agent last dealt with at <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.RecentEntry")]
public sealed record RecentEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At);
