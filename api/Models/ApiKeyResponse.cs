using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Models;

/// <summary>An API key as listed: never the key itself.</summary>
public sealed record ApiKeyResponse(string Id, string Role, string? AgentId, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKeyInfo info) =>
        new(info.Id, Roles.Name(info.Role), info.AgentId, info.Label, info.CreatedAt, info.RevokedAt);
}
