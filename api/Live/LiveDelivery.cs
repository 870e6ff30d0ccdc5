namespace Switchboard.Api.Live;

/// <summary>
/// One event for the sockets of one topic: its encoded body (<see cref="LiveMessages.Body"/>), and for versioned events
/// what changed (<see cref="Key"/>: an agent, a chat's transcript) and its version, so an event already reflected in a
/// snapshot is not sent after it.
/// </summary>
public sealed record LiveDelivery(byte[] Body, string? Key = null, long? Version = null);
