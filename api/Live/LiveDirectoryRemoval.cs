namespace Switchboard.Api.Live;

/// <summary>Data of <c>directory.agent_removed</c>: the agent was deleted and leaves the status view.</summary>
public sealed record LiveDirectoryRemoval(string AgentId);
