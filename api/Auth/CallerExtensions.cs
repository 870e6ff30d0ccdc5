using System.Security.Claims;
using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Auth;

public static class CallerExtensions
{
    /// <summary>The tenant caller of an endpoint protected by a tenant policy.</summary>
    public static Caller GetCaller(this ClaimsPrincipal user)
    {
        var tenant = user.FindFirstValue(ClaimNames.Tenant) ?? throw new InvalidOperationException("The endpoint must require a tenant key.");
        if (!Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            throw new InvalidOperationException("A tenant key always carries one of the tenant roles.");
        }

        return new Caller(tenant, user.FindFirstValue(ClaimNames.KeyId)!, role, user.FindFirstValue(ClaimNames.AgentId));
    }

    internal static ClaimsPrincipal ToPrincipal(this ApiKeyIdentity identity, string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimNames.Tenant, identity.TenantId),
            new(ClaimNames.KeyId, identity.KeyId),
            new(ClaimTypes.Role, Roles.Name(identity.Role)),
        ];
        if (identity.AgentId is not null)
        {
            claims.Add(new Claim(ClaimNames.AgentId, identity.AgentId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
