namespace Switchboard.Domain.Agents;

/// <summary>A piece of work ended (system only): with no work left the agent enters <see cref="AgentState.WrapUp"/>.</summary>
public sealed record EndWork(string WorkId) : AgentCommand;
