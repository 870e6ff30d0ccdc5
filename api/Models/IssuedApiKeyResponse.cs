using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Models;

/// <summary>A new key. <c>key</c> is shown this once; only its hash is stored.</summary>
public sealed record IssuedApiKeyResponse(string Id, string Key, string Role, string? AgentId, string? Label, DateTimeOffset CreatedAt)
{
    public static IssuedApiKeyResponse From(ApiKeyInfo info, string key) =>
        new(info.Id, key, Roles.Name(info.Role), info.AgentId, info.Label, info.CreatedAt);
}
