namespace Switchboard.Domain.Agents;

/// <summary>Something asked of an agent's state machine.</summary>
public abstract record AgentCommand;
