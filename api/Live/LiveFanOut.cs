namespace Switchboard.Api.Live;

/// <summary>
/// One encoded event and the routes (within a feed) whose sinks get it. A fan-out with <see cref="OrderKey"/> tells of
/// change <see cref="OrderSequence"/> of that thing (an interaction) in full: one older than a change a route already got
/// is not delivered to that route.
/// </summary>
public sealed record LiveFanOut(IReadOnlyList<string> Routes, LiveDelivery Delivery, string? OrderKey = null, long OrderSequence = 0);
