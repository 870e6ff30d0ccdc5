namespace Switchboard.Contracts.Auth;

/// <summary>What an API key may do. Persisted as a number: never renumber a value that has shipped.</summary>
[GenerateSerializer, Alias("Switchboard.ApiKeyRole")]
public enum ApiKeyRole
{
    /// <summary>Configures the tenant: agents, codes, keys.</summary>
    Admin = 0,

    /// <summary>Watches and steers agents: may force states.</summary>
    Supervisor = 1,

    /// <summary>One agent's console: acts only on its own agent and its interactions.</summary>
    Agent = 2,

    /// <summary>A CRM: creates interactions and reads status.</summary>
    Integration = 3,
}
