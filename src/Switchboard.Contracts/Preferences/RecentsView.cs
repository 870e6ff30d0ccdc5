namespace Switchboard.Contracts.Preferences;

/// <summary>An agent's recents, each list newest first and holding an id once.</summary>
/// <param name="Queues">Queues it transferred or consulted to.</param>
/// <param name="Agents">Agents it transferred or consulted to, or that transferred or consulted to it.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.RecentsView")]
public sealed record RecentsView(
    [property: Id(0)] IReadOnlyList<RecentEntry> Queues,
    [property: Id(1)] IReadOnlyList<RecentEntry> Agents);
