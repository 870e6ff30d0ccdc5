namespace Switchboard.Api.Live;

/// <summary>One encoded event and the routes (within a feed) whose sinks get it.</summary>
public sealed record LiveFanOut(IReadOnlyList<string> Routes, LiveDelivery Delivery);
