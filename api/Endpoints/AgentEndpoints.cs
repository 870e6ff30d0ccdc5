using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Api.Models;
using Switchboard.Api.Problems;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Endpoints;

/// <summary><c>/v1/agents</c>: admin CRUD of agents.</summary>
public static class AgentEndpoints
{
    private const string CursorKind = "agent";

    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/agents").WithTags("Agents");

        group.MapPost("/", CreateAgent)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateAgent")
            .WithSummary("Create an agent")
            .WithDescription("Creates an agent in the LoggedOut state. Repeating the same request returns 200 with the agent; a different agent with the same id is a 409.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListAgents)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("ListAgents")
            .WithSummary("List agents")
            .WithDescription("Agents ordered by id, a page at a time.")
            .ProducesStandardProblems();

        group.MapGet("/{agentId}", GetAgent)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetAgent")
            .WithSummary("Get an agent")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapPatch("/{agentId}", UpdateAgent)
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateAgent")
            .WithSummary("Update an agent's name or group")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{agentId}", DeleteAgent)
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteAgent")
            .WithSummary("Delete an agent")
            .WithDescription("Logs the agent out, revokes its agent keys and deletes it. Its audit trail is kept: an agent created again " +
                "with the same id continues it. An agent handling work cannot be deleted (409).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return routes;
    }

    private static async Task<Results<Created<AgentResponse>, Ok<AgentResponse>, ProblemHttpResult>> CreateAgent(
        CreateAgentRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        errors.Check(Identifiers.IsValidId(request.Id), "id", $"id is required: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        CheckDisplayName(errors, request.DisplayName, required: true);
        CheckGroup(errors, request.Group, allowEmpty: false);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var profile = new AgentProfile(request.Id!, request.DisplayName!.Trim(), string.IsNullOrEmpty(request.Group) ? null : request.Group);
        var result = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, profile.Id)).Create(profile, cancellationToken);
        var body = AgentResponse.From(result.Agent);
        return result.Outcome switch
        {
            CreateAgentOutcome.Created => TypedResults.Created($"/v1/agents/{profile.Id}", body),
            CreateAgentOutcome.AlreadyExists => TypedResults.Ok(body),
            _ => ApiProblems.Conflict($"Agent '{profile.Id}' already exists with a different name or group; PATCH it instead."),
        };
    }

    private static async Task<Results<Ok<Page<AgentSummary>>, ProblemHttpResult>> ListAgents(
        HttpContext http, IGrainFactory grains, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        if (!Paging.TryRead(CursorKind, limit, cursor, errors, out var pageSize, out var after))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var page = await grains.GetGrain<IAgentRosterGrain>(caller.TenantId).List(after, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<AgentSummary>(
            [.. page.Items.Select(AgentSummary.From)],
            page.NextAfter is null ? null : Paging.Encode(CursorKind, page.NextAfter)));
    }

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> GetAgent(
        string agentId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (RouteChecks.Agent(caller, agentId) is { } problem)
        {
            return problem;
        }

        var agent = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId)).Get(cancellationToken);
        return agent is null ? NotFound(agentId) : TypedResults.Ok(AgentResponse.From(agent));
    }

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> UpdateAgent(
        string agentId, UpdateAgentRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (RouteChecks.Agent(caller, agentId) is { } problem)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        CheckDisplayName(errors, request.DisplayName, required: false);
        CheckGroup(errors, request.Group, allowEmpty: true);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var patch = new AgentProfilePatch(request.DisplayName?.Trim(), request.Group);
        var agent = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId)).Update(patch, cancellationToken);
        return agent is null ? NotFound(agentId) : TypedResults.Ok(AgentResponse.From(agent));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAgent(
        string agentId, HttpContext http, IGrainFactory grains, ApiKeyAuthenticator authenticator, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (RouteChecks.Agent(caller, agentId) is { } problem)
        {
            return problem;
        }

        var outcome = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId)).Delete(caller.KeyId, cancellationToken);
        if (outcome != DeleteAgentOutcome.HandlingWork)
        {
            // The agent's keys die with it (also on a retried delete), so a re-created agent with the same id
            // is not reachable with a key issued for the person before.
            foreach (var revoked in await grains.GetGrain<IApiKeyStoreGrain>(caller.TenantId).RevokeAgentKeys(agentId, cancellationToken))
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

    internal static ProblemHttpResult NotFound(string agentId) => ApiProblems.NotFound($"Agent '{agentId}' does not exist.");

    private static void CheckDisplayName(ValidationErrors errors, string? displayName, bool required)
    {
        if (displayName is null)
        {
            errors.Check(!required, "displayName", "displayName is required.");
            return;
        }

        errors.Check(Identifiers.IsValidText(displayName), "displayName",
            $"displayName must be 1-{Identifiers.MaxLabelLength} characters, not blank, without control characters.");
    }

    private static void CheckGroup(ValidationErrors errors, string? group, bool allowEmpty)
    {
        if (group is null || (allowEmpty && group.Length == 0))
        {
            return;
        }

        errors.Check(Identifiers.IsValidId(group), "group", $"group must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
    }
}
