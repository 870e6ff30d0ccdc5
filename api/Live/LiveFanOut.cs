namespace Switchboard.Api.Live;

/// <summary>
/// One encoded event and the routes (within a feed) whose sinks get it. A fan-out with <see cref="OrderKey"/> tells of
/// change <see cref="OrderSequence"/> of that thing (an interaction, an agent's state) in full: one older than a change a route already got
/// is not delivered to that route. With <see cref="Consecutive"/> the route gets every change of that thing, numbered one
/// by one, so a change more than one past the last tells that some were lost on their way: the route's sessions resync.
/// </summary>
public sealed record LiveFanOut(IReadOnlyList<string> Routes, LiveDelivery Delivery, string? OrderKey = null, long OrderSequence = 0, bool Consecutive = false);
