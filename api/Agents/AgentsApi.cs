using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Agents;

/// <summary>
/// <c>/v1/agents</c>: admin CRUD of agents, and each agent's state and audit trail (what the console's state buttons
/// and timer use).
/// </summary>
public static class AgentsApi
{
    private const string AgentCursor = "agent";
    private const string HistoryCursor = "history";

    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder v1)
    {
        var agents = v1.MapGroup("/agents").WithTags("Agents");

        agents.MapPost("/", CreateAgent)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateAgent")
            .WithSummary("Create an agent")
            .WithDescription("Creates an agent in the LoggedOut state. Repeating the same request returns 200 with the agent; a different agent with the same id is a 409.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        agents.MapGet("/", ListAgents)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("ListAgents")
            .WithSummary("List agents")
            .WithDescription("Agents ordered by id, a page at a time.")
            .ProducesStandardProblems();

        var agent = agents.MapGroup("/{agentId}").RequireAuthorization(Policies.AgentScope);

        agent.MapGet("", GetAgent)
            .WithName("GetAgent")
            .WithSummary("Get an agent")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        agent.MapPatch("", UpdateAgent)
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateAgent")
            .WithSummary("Update an agent's name, group or capacity")
            .WithDescription("Omitted fields stay as they are. capacity sets how much work of each medium the agent handles at once " +
                "(voice 0-1, chat/email/voicemail 0-10); routing offers an agent a medium's work only while it has room for it.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        agent.MapDelete("", DeleteAgent)
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteAgent")
            .WithSummary("Delete an agent")
            .WithDescription("Logs the agent out, revokes its agent keys and deletes it. Its audit trail is kept: an agent created again " +
                "with the same id continues it. An agent handling work cannot be deleted (409).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var state = v1.MapGroup("/agents/{agentId}").WithTags("Agent state").RequireAuthorization(Policies.AgentScope);

        state.MapGet("/state", GetState)
            .WithName("GetAgentState")
            .WithSummary("Get an agent's state")
            .WithDescription("The current state, its status code, when it started (the console timer) and any next state requested while busy. The ETag header carries the version for If-Match.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        state.MapPut("/state", SetState)
            .RequireAuthorization(Policies.Staff)
            .WithName("SetAgentState")
            .WithSummary("Change an agent's state")
            .WithDescription("An agent key changes its own agent's state; an admin or supervisor key forces it (recorded as a supervisor change with the optional reason). " +
                "While the agent is Busy or in WrapUp the change is kept as nextState and applied when the work ends (outcome Deferred). " +
                "A state the tenant defines status codes for needs one of them (422). Busy and WrapUp are system-only (409). If-Match with a stale ETag gives 412.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);

        state.MapGet("/state-history", GetHistory)
            .WithName("GetAgentStateHistory")
            .WithSummary("Get an agent's state history")
            .WithDescription("The audit trail, newest first: every transition and every next state requested while busy, with who (agent, supervisor, system) and when.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return agents;
    }

    /// <summary>The 404 of an agent that does not exist, the same wherever an agent is looked up.</summary>
    public static ProblemHttpResult NotFound(string agentId) => ApiProblems.NotFound($"Agent '{agentId}' does not exist.");

    private static async Task<Results<Created<AgentResponse>, Ok<AgentResponse>, ProblemHttpResult>> CreateAgent(
        CreateAgentRequest request, [AsParameters] TenantContext tenant)
    {
        var profile = new AgentProfile(request.Id!, request.DisplayName!.Trim(), string.IsNullOrEmpty(request.Group) ? null : request.Group, request.Capacity?.ToCapacity());
        var result = await tenant.Agent(profile.Id).Create(profile, tenant.CancellationToken);
        var body = AgentResponse.From(result.Agent);
        return result.Outcome switch
        {
            CreateAgentOutcome.Created => TypedResults.Created($"/v1/agents/{profile.Id}", body),
            CreateAgentOutcome.AlreadyExists => TypedResults.Ok(body),
            _ => ApiProblems.Conflict($"Agent '{profile.Id}' already exists with a different name, group or capacity; PATCH it instead."),
        };
    }

    private static async Task<Results<Ok<Page<AgentSummary>>, ProblemHttpResult>> ListAgents(
        [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryRead(AgentCursor, limit, cursor, out var pageSize, out var after, out var problem))
        {
            return problem;
        }

        var page = await tenant.Tenant<IAgentRosterGrain>().List(after, pageSize, tenant.CancellationToken);
        return TypedResults.Ok(new Page<AgentSummary>(
            [.. page.Items.Select(AgentSummary.From)],
            page.NextAfter is null ? null : Paging.Encode(AgentCursor, page.NextAfter)));
    }

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> GetAgent(string agentId, [AsParameters] TenantContext tenant) =>
        await tenant.Agent(agentId).Get(tenant.CancellationToken) is { } agent ? TypedResults.Ok(AgentResponse.From(agent)) : NotFound(agentId);

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> UpdateAgent(
        string agentId, UpdateAgentRequest request, [AsParameters] TenantContext tenant)
    {
        var patch = new AgentProfilePatch(request.DisplayName?.Trim(), request.Group, request.Capacity?.ToPatch());
        return await tenant.Agent(agentId).Update(patch, tenant.CancellationToken) is { } agent
            ? TypedResults.Ok(AgentResponse.From(agent))
            : NotFound(agentId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAgent(
        string agentId, [AsParameters] TenantContext tenant, ApiKeyAuthenticator authenticator)
    {
        var outcome = await tenant.Agent(agentId).Delete(tenant.Caller.KeyId, tenant.CancellationToken);
        if (outcome != DeleteAgentOutcome.HandlingWork)
        {
            // The agent's keys die with it (also on a retried delete), so a re-created agent with the same id
            // is not reachable with a key issued for the person before.
            foreach (var revoked in await tenant.Tenant<IApiKeyStoreGrain>().RevokeAgentKeys(agentId, tenant.CancellationToken))
            {
                authenticator.Forget(revoked.Hash);
            }
        }

        return outcome switch
        {
            DeleteAgentOutcome.Deleted => TypedResults.NoContent(),
            DeleteAgentOutcome.NotFound => NotFound(agentId),
            _ => ApiProblems.Conflict($"Agent '{agentId}' is handling work; delete it when the work and wrap-up are done."),
        };
    }

    private static async Task<Results<Ok<AgentStateResponse>, ProblemHttpResult>> GetState(string agentId, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Agent(agentId).GetState(tenant.CancellationToken) is not { } state)
        {
            return NotFound(agentId);
        }

        tenant.Http.Response.Headers.ETag = ETags.For(state.Version);
        return TypedResults.Ok(AgentStateResponse.From(agentId, state));
    }

    private static async Task<Results<Ok<StateChangeResponse>, ProblemHttpResult>> SetState(
        string agentId, SetAgentStateRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, [AsParameters] TenantContext tenant)
    {
        var caller = tenant.Caller;
        var actor = caller.Role == ApiKeyRole.Agent ? StateActor.Agent : StateActor.Supervisor;
        var actorId = actor == StateActor.Agent ? agentId : caller.KeyId;
        // Every tag If-Match names goes to the grain, which checks them against the version it holds, atomically.
        var change = new StateChangeRequest(request.Target, request.ReasonCode, actor, actorId, request.Reason, ETags.AcceptedVersions(ifMatch));
        var result = await tenant.Agent(agentId).ChangeState(change, tenant.CancellationToken);
        if (result.State is { } state)
        {
            tenant.Http.Response.Headers.ETag = ETags.For(state.Version);
        }

        return result.Outcome switch
        {
            StateChangeOutcome.Applied or StateChangeOutcome.Deferred or StateChangeOutcome.Unchanged =>
                TypedResults.Ok(StateChangeResponse.From(agentId, result.State!, result.Outcome)),
            StateChangeOutcome.AgentNotFound => NotFound(agentId),
            StateChangeOutcome.PreconditionFailed => ApiProblems.PreconditionFailed(result.Detail!),
            StateChangeOutcome.ReasonCodeRequired or StateChangeOutcome.ReasonCodeInvalid => ApiProblems.Unprocessable(result.Detail!),
            _ => ApiProblems.Conflict(result.Detail!),
        };
    }

    private static async Task<Results<Ok<Page<StateHistoryItem>>, ProblemHttpResult>> GetHistory(
        string agentId, [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryRead(HistoryCursor, limit, cursor, out var pageSize, out var position, out var problem))
        {
            return problem;
        }

        long? before = null;
        if (position is not null)
        {
            if (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                return Paging.BadCursor();
            }

            before = parsed;
        }

        var page = await tenant.Agent(agentId).GetHistory(before, pageSize, tenant.CancellationToken);
        if (page is null)
        {
            return NotFound(agentId);
        }

        return TypedResults.Ok(new Page<StateHistoryItem>(
            [.. page.Items.Select(StateHistoryItem.FromEntry)],
            page.NextBefore is { } next ? Paging.Encode(HistoryCursor, next.ToString(CultureInfo.InvariantCulture)) : null));
    }
}
