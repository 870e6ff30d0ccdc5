using Microsoft.AspNetCore.Authorization;
using Switchboard.Api.Http;

namespace Switchboard.Api.Auth;

/// <summary>An agent key may use <c>/v1/agents/{agentId}/…</c> only for the agent it is bound to; other tenant keys for any.</summary>
public sealed class AgentScopeRequirement : AuthorizationHandler<AgentScopeRequirement, HttpContext>, IAuthorizationRequirement
{
    public const string RouteValue = "agentId";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AgentScopeRequirement requirement, HttpContext resource)
    {
        if (context.User is not TenantKeyPrincipal && !context.User.HasClaim(c => c.Type == ClaimNames.Tenant))
        {
            return Task.CompletedTask; // not a tenant key: the role requirement answers
        }

        var agentId = resource.Request.RouteValues[RouteValue] as string ?? "";
        var caller = Caller.Of(resource);
        if (caller.MayAccessAgent(agentId))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this,
                $"This key acts as agent '{caller.AgentId}' and may not access agent '{RouteIds.Printable(agentId)}'."));
        }

        return Task.CompletedTask;
    }
}
