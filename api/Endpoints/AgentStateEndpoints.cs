using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Api.Auth;
using Switchboard.Api.Models;
using Switchboard.Api.Problems;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Endpoints;

/// <summary><c>/v1/agents/{agentId}/state</c> and its audit trail: what the console's state buttons and timer use.</summary>
public static class AgentStateEndpoints
{
    private const string CursorKind = "history";
    private const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapAgentStateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/agents/{agentId}").WithTags("Agent state").RequireAuthorization(Policies.AnyTenantKey);

        group.MapGet("/state", GetState)
            .WithName("GetAgentState")
            .WithSummary("Get an agent's state")
            .WithDescription("The current state, its status code, when it started (the console timer) and any next state requested while busy. The ETag header carries the version for If-Match.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapPut("/state", SetState)
            .WithName("SetAgentState")
            .WithSummary("Change an agent's state")
            .WithDescription("An agent key changes its own agent's state; an admin or supervisor key forces it (recorded as a supervisor change with the optional reason). " +
                "While the agent is Busy or in WrapUp the change is kept as nextState and applied when the work ends (outcome Deferred). " +
                "A state the tenant defines status codes for needs one of them (422). Busy and WrapUp are system-only (409). If-Match with a stale ETag gives 412.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/state-history", GetHistory)
            .WithName("GetAgentStateHistory")
            .WithSummary("Get an agent's state history")
            .WithDescription("The audit trail, newest first: every transition and every next state requested while busy, with who (agent, supervisor, system) and when.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Ok<AgentStateResponse>, ProblemHttpResult>> GetState(
        string agentId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (RouteChecks.Agent(caller, agentId) is { } problem)
        {
            return problem;
        }

        var state = await Agent(grains, caller, agentId).GetState(cancellationToken);
        if (state is null)
        {
            return AgentEndpoints.NotFound(agentId);
        }

        http.Response.Headers.ETag = ETags.For(state.Version);
        return TypedResults.Ok(AgentStateResponse.From(agentId, state));
    }

    private static async Task<Results<Ok<StateChangeResponse>, ProblemHttpResult>> SetState(
        string agentId,
        SetAgentStateRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (RouteChecks.Agent(caller, agentId) is { } problem)
        {
            return problem;
        }

        if (caller.Role == ApiKeyRole.Integration)
        {
            return ApiProblems.Forbidden("Integration keys read agent states; an agent, supervisor or admin key changes them.");
        }

        var errors = new ValidationErrors();
        var known = errors.Check(AgentStates.TryParse(request.State, out var target), "state",
            $"state is required and must be one of: {string.Join(", ", AgentStates.All)}.");
        if (known && AgentStates.IsSystemOnly(target))
        {
            // Well-formed but not allowed for anyone but the system: a conflict with the state machine, not bad input.
            return ApiProblems.Conflict($"{target} is set by the system when work starts or ends; it cannot be requested.");
        }

        if (request.ReasonCode is { Length: > 0 } code)
        {
            errors.Check(Identifiers.IsValidCode(code), "reasonCode", $"reasonCode must be 1-{Identifiers.MaxCodeLength} of lower-case letters, digits, '.', '_' or '-'.");
        }

        if (request.Reason is not null)
        {
            errors.Check(Identifiers.IsValidText(request.Reason, MaxReasonLength), "reason",
                $"reason must be 1-{MaxReasonLength} characters, not blank, without control characters.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var actor = caller.Role == ApiKeyRole.Agent ? StateActor.Agent : StateActor.Supervisor;
        var actorId = actor == StateActor.Agent ? agentId : caller.KeyId;
        var agent = Agent(grains, caller, agentId);
        long? expected = null;
        if (ETags.AcceptedVersions(ifMatch) is { } accepted)
        {
            // One tag is checked atomically by the grain. Several: whichever names the current version is the one to check.
            expected = accepted.Count == 1 ? accepted[0] : -1;
            if (accepted.Count > 1 && await agent.GetState(cancellationToken) is { } current && accepted.Contains(current.Version))
            {
                expected = current.Version;
            }
        }

        var change = new StateChangeRequest(target, request.ReasonCode, actor, actorId, request.Reason, expected);
        var result = await agent.ChangeState(change, cancellationToken);
        if (result.State is { } state)
        {
            http.Response.Headers.ETag = ETags.For(state.Version);
        }

        return result.Outcome switch
        {
            StateChangeOutcome.Applied or StateChangeOutcome.Deferred or StateChangeOutcome.Unchanged =>
                TypedResults.Ok(StateChangeResponse.From(agentId, result.State!, result.Outcome)),
            StateChangeOutcome.AgentNotFound => AgentEndpoints.NotFound(agentId),
            StateChangeOutcome.PreconditionFailed => ApiProblems.PreconditionFailed(result.Detail!),
            StateChangeOutcome.ReasonCodeRequired or StateChangeOutcome.ReasonCodeInvalid => ApiProblems.Unprocessable(result.Detail!),
            _ => ApiProblems.Conflict(result.Detail!),
        };
    }

    private static async Task<Results<Ok<Page<StateHistoryItem>>, ProblemHttpResult>> GetHistory(
        string agentId, HttpContext http, IGrainFactory grains, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (RouteChecks.Agent(caller, agentId) is { } problem)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        long? before = null;
        if (Paging.TryRead(CursorKind, limit, cursor, errors, out var pageSize, out var position) && position is not null)
        {
            if (long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                before = parsed;
            }
            else
            {
                errors.Add("cursor", "cursor is not one this list returned; start again without it.");
            }
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var page = await Agent(grains, caller, agentId).GetHistory(before, pageSize, cancellationToken);
        if (page is null)
        {
            return AgentEndpoints.NotFound(agentId);
        }

        return TypedResults.Ok(new Page<StateHistoryItem>(
            [.. page.Items.Select(StateHistoryItem.FromEntry)],
            page.NextBefore is { } next ? Paging.Encode(CursorKind, next.ToString(CultureInfo.InvariantCulture)) : null));
    }

    private static IAgentGrain Agent(IGrainFactory grains, Caller caller, string agentId) =>
        grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId));
}
