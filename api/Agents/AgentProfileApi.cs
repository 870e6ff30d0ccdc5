using Switchboard.Api.Auth;
using Switchboard.Api.Http;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;

namespace Switchboard.Api.Agents;

/// <summary>
/// <c>/v1/agents/{agentId}/profile</c>: the agent's own phone (E.164) or SIP address. A new one is pending until a
/// verification call rings it and is answered; only then do the agent's calls ring it.
/// </summary>
public static class AgentProfileApi
{
    public static RouteGroupBuilder MapAgentProfileApi(this RouteGroupBuilder v1)
    {
        var profile = v1.MapGroup("/agents/{agentId}/profile").WithTags("Agents").RequireAuthorization(Policies.AgentScope);

        profile.MapGet("", GetProfile)
            .WithName("GetAgentProfile")
            .WithSummary("Read an agent's phone")
            .WithDescription("The verified phone or SIP address the agent's calls ring, and a new one waiting to be verified (unverified, calling, failed).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        profile.MapPut("", PutProfile)
            .RequireAuthorization(Policies.Staff)
            .WithName("PutAgentProfile")
            .WithSummary("Set an agent's phone")
            .WithDescription("phone (any international form, kept in E.164) or sip (a sip: or sips: URI), not both. It is pending until " +
                "POST …/profile/verification-call rings it and the call is answered; the verified one stays in use until then. The verified " +
                "one again clears what is pending. The agent itself, supervisors and admins.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        profile.MapPost("/verification-call", Verify)
            .RequireAuthorization(Policies.Staff)
            .WithName("VerifyAgentPhone")
            .WithSummary("Ring the pending phone to verify it")
            .WithDescription("The telephony gateway rings the pending phone (the simulator answers it; a carrier reports the call like any leg, its " +
                "interactionId starting pv_). Answered: it becomes the agent's phone. 202 with status calling; 409 when nothing is pending; " +
                "429 (Retry-After) within a minute of the last call.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return profile;
    }

    private static async Task<Results<Ok<AgentPhoneResponse>, ProblemHttpResult>> GetProfile(string agentId, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return AgentMissing(agentId);
        }

        return TypedResults.Ok(AgentPhoneResponse.From(await Phone(tenant, agentId).Get(tenant.CancellationToken)));
    }

    private static async Task<Results<Ok<AgentPhoneResponse>, ProblemHttpResult>> PutProfile(string agentId, AgentPhoneRequest request, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return AgentMissing(agentId);
        }

        return TypedResults.Ok(AgentPhoneResponse.From(await Phone(tenant, agentId).Request(request.Device!, tenant.CancellationToken)));
    }

    private static async Task<Results<Accepted<AgentPhoneResponse>, ProblemHttpResult>> Verify(string agentId, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return AgentMissing(agentId);
        }

        var result = await Phone(tenant, agentId).Verify(tenant.CancellationToken);
        switch (result.Outcome)
        {
            case PhoneVerificationOutcome.Calling:
                return TypedResults.Accepted($"/v1/agents/{agentId}/profile", AgentPhoneResponse.From(result.Phone));
            case PhoneVerificationOutcome.TooSoon:
                var wait = Math.Max(1, (int)Math.Ceiling((result.NextCallAt!.Value - BusinessTime.Now(tenant.Http)).TotalSeconds));
                tenant.Http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ApiProblems.Of(StatusCodes.Status429TooManyRequests, $"A verification call was placed less than a minute ago; try again in {wait} s.");
            default:
                return ApiProblems.Conflict($"Agent '{agentId}' has no new phone to verify: PUT …/profile first.");
        }
    }

    private static IAgentPhoneGrain Phone(TenantContext tenant, string agentId) =>
        tenant.Grains.GetGrain<IAgentPhoneGrain>(GrainKeys.Agent(tenant.TenantId, agentId));

    private static ProblemHttpResult AgentMissing(string agentId) => ApiProblems.NotFound($"Agent '{agentId}' does not exist.");
}
