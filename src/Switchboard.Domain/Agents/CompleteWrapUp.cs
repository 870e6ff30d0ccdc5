namespace Switchboard.Domain.Agents;

/// <summary>Wrap-up is done (system only): the agent goes to the requested next state or back to where it was.</summary>
public sealed record CompleteWrapUp : AgentCommand;
