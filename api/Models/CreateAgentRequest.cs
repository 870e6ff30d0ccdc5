namespace Switchboard.Api.Models;

/// <summary>A new agent.</summary>
/// <param name="Id">Agent id: 1-64 of letters, digits, '.', '_' and '-'.</param>
/// <param name="DisplayName">The name colleagues see.</param>
/// <param name="Group">The agent's group (the status view shows colleagues of the same group).</param>
public sealed record CreateAgentRequest(string? Id, string? DisplayName, string? Group);
