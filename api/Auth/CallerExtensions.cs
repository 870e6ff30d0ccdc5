using System.Security.Claims;
using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Auth;

public static class CallerExtensions
{
    /// <summary>The tenant caller of an endpoint protected by a tenant policy.</summary>
    public static Caller GetCaller(this ClaimsPrincipal user)
    {
        if (user is TenantKeyPrincipal known)
        {
            return known.Caller;
        }

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

        return new TenantKeyPrincipal(new ClaimsIdentity(claims, scheme), new Caller(identity.TenantId, identity.KeyId, identity.Role, identity.AgentId));
    }
}

/// <summary>
/// The principal of a tenant key: its claims, and the caller they describe already read, so that policies and handlers
/// do not search the claims again on every request.
/// </summary>
public sealed class TenantKeyPrincipal(ClaimsIdentity identity, Caller caller) : ClaimsPrincipal(identity)
{
    private readonly string roleName = Roles.Name(caller.Role);

    public Caller Caller { get; } = caller;

    /// <summary>The key's own role answers at once; anything else is looked up in the claims as usual.</summary>
    public override bool IsInRole(string role) => string.Equals(role, roleName, StringComparison.Ordinal) || base.IsInRole(role);
}
