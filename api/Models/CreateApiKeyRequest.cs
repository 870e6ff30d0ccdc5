namespace Switchboard.Api.Models;

/// <summary>A new API key.</summary>
/// <param name="Role">admin, supervisor, agent or integration.</param>
/// <param name="AgentId">The agent an <c>agent</c> key acts as (required for that role only).</param>
/// <param name="Label">A note for admins, e.g. which CRM uses the key.</param>
public sealed record CreateApiKeyRequest(string? Role, string? AgentId, string? Label);
