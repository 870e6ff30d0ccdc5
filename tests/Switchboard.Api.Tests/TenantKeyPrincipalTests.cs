using System.Security.Claims;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Tests;

/// <summary>A tenant key's principal carries its caller, and answers role questions as its claims do.</summary>
public sealed class TenantKeyPrincipalTests
{
    public static TheoryData<ApiKeyRole, string?> Keys => new()
    {
        { ApiKeyRole.Admin, null },
        { ApiKeyRole.Supervisor, null },
        { ApiKeyRole.Integration, null },
        { ApiKeyRole.Agent, "a1" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_caller_it_carries_is_the_one_its_claims_describe(ApiKeyRole role, string? agentId)
    {
        var principal = new ApiKeyIdentity("t1", "k1", role, agentId).ToPrincipal(ApiKeyAuthenticationHandler.SchemeName);

        var fromClaims = new ClaimsPrincipal(principal.Identities).GetCaller(); // the same claims, read the long way

        Assert.IsType<TenantKeyPrincipal>(principal);
        Assert.Equal(new Caller("t1", "k1", role, agentId), principal.GetCaller());
        Assert.Equal(fromClaims, principal.GetCaller());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void It_is_in_its_own_role_only_as_its_claims_say(ApiKeyRole role, string? agentId)
    {
        var principal = new ApiKeyIdentity("t1", "k1", role, agentId).ToPrincipal(ApiKeyAuthenticationHandler.SchemeName);
        var fromClaims = new ClaimsPrincipal(principal.Identities);

        foreach (var name in new[] { Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.Integration, Roles.Operator, "Admin", "" })
        {
            Assert.Equal(fromClaims.IsInRole(name), principal.IsInRole(name));
        }

        Assert.True(principal.IsInRole(Roles.Name(role)));
    }

    [Fact]
    public void A_role_added_to_its_claims_later_is_still_seen()
    {
        var principal = new ApiKeyIdentity("t1", "k1", ApiKeyRole.Agent, "a1").ToPrincipal(ApiKeyAuthenticationHandler.SchemeName);

        principal.AddIdentity(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Supervisor)], "other"));

        Assert.True(principal.IsInRole(Roles.Supervisor));
    }
}
