using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Http;

namespace Switchboard.Api.Auth;

/// <summary>
/// A refused request gets a 403 problem that says why: the failing rule's own reason (an agent key on another agent),
/// or which roles the endpoint takes. Challenges (no or bad key) go to the authentication handler as usual.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return standard.HandleAsync(next, context, policy, authorizeResult);
        }

        var failure = authorizeResult.AuthorizationFailure;
        var detail = failure?.FailureReasons.FirstOrDefault()?.Message
            ?? (failure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().Any() == true
                ? RoleRefused(context, policy)
                : "This API key's role may not use this endpoint.");
        return ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, detail);
    }

    /// <summary>Names the roles the endpoint takes: those every role requirement of its combined policy allows.</summary>
    private static string RoleRefused(HttpContext context, AuthorizationPolicy policy)
    {
        var role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "this";
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>()
            .Select(r => r.AllowedRoles)
            .Aggregate((taken, next) => [.. taken.Intersect(next, StringComparer.Ordinal)])
            .ToList();
        var list = roles.Count == 1 ? roles[0] : $"{string.Join(", ", roles[..^1])} or {roles[^1]}";
        return $"{char.ToUpperInvariant(role[0])}{role[1..]} keys may not {context.Request.Method} {route}; it takes {list} keys.";
    }
}
