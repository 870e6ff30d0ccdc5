namespace Switchboard.Domain.Agents;

/// <summary>The agent accepted a piece of work (system only): the agent becomes <see cref="AgentState.Busy"/>.</summary>
public sealed record StartWork(string WorkId) : AgentCommand;
