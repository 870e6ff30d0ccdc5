namespace Switchboard.Domain.Interactions;

/// <summary>The agent did not answer in time: release and put on break with the system code <c>no-answer</c>.</summary>
public sealed record MarkNoAnswer(string AgentId) : InteractionEffect;
