using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Auth;

/// <summary>The tenant key a request came with.</summary>
public sealed record Caller(string TenantId, string KeyId, ApiKeyRole Role, string? AgentId)
{
    /// <summary>Whether this caller may act on or read <paramref name="agentId"/>: anyone but an agent key bound to another agent.</summary>
    public bool MayAccessAgent(string agentId) => Role != ApiKeyRole.Agent || string.Equals(AgentId, agentId, StringComparison.Ordinal);
}
