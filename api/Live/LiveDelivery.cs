namespace Switchboard.Api.Live;

/// <summary>
/// One event for the sockets of one topic: its encoded body (<see cref="LiveMessages.Body"/>), and for agent events the
/// agent and state version, so an event already reflected in a snapshot is not sent after it.
/// </summary>
public sealed record LiveDelivery(byte[] Body, string? AgentId = null, long? Version = null);
