namespace Switchboard.Api.Live;

/// <summary>Data of <c>directory.agent_removed</c>: the agent was deleted or moved to another group: it leaves this status view.</summary>
public sealed record LiveDirectoryRemoval(string AgentId);
