using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Auth;

/// <summary>The tenant key a request came with.</summary>
public sealed record Caller(string TenantId, string KeyId, ApiKeyRole Role, string? AgentId)
{
    /// <summary>Whether this caller may act on or read <paramref name="agentId"/>: anyone but an agent key bound to another agent.</summary>
    public bool MayAccessAgent(string agentId) => Role != ApiKeyRole.Agent || string.Equals(AgentId, agentId, StringComparison.Ordinal);

    /// <summary>The caller of a request that passed a tenant policy, read from its claims once and kept with the request.</summary>
    public static Caller Of(HttpContext http)
    {
        if (http.User is TenantKeyPrincipal principal)
        {
            return principal.Caller;
        }

        if (http.Features.Get<Caller>() is { } caller)
        {
            return caller;
        }

        caller = http.User.GetCaller();
        http.Features.Set(caller);
        return caller;
    }
}
