using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Api.StatusView;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;
using Switchboard.Api.Agents;

namespace Switchboard.Api.StatusView;

/// <summary><c>/v1/directory</c>: the console's status view of agents and queues, with live state.</summary>
public static class DirectoryEndpoints
{
    /// <summary>The live status readers the status view, favorites, recents and the live directory share.</summary>
    public static IServiceCollection AddStatusView(this IServiceCollection services) => services
        .AddSingleton<AgentDirectory>()
        .AddSingleton<QueueDirectory>();

    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder v1)
    {
        v1.MapDirectoryEndpoints();
        v1.MapFavoriteEndpoints();
        v1.MapRecentEndpoints();
        return v1;
    }

    public const string Tag = "Status view";
    private const string AgentCursorKind = "directory-agent";
    private const string QueueCursorKind = "directory-queue";

    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/directory").WithTags(Tag).RequireAuthorization(Policies.AnyTenantKey);

        group.MapGet("/agents", ListAgents)
            .WithName("ListDirectoryAgents")
            .WithSummary("List agents with their live state")
            .WithDescription("The agents of a group, ordered by id, a page at a time, each with its state, since (the timer), status code " +
                "and status-view icon (available, busy, working-offline, on-break, reading-email, wrap-up, logged-out). An agent key sees " +
                "its own group only: 'group' left out means its group (an agent with no group sees the agents with no group), another " +
                "group is a 403. Other keys may name any group, or leave it out for the whole tenant. Read live on every call.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapGet("/queues", ListQueues)
            .WithName("ListDirectoryQueues")
            .WithSummary("List queues with their live figures")
            .WithDescription("With 'memberOf': the queues that agent is a member of; without: every queue of the tenant. Ordered by id, " +
                "a page at a time, each with the figures of GET /v1/queues/{queueId}/stats. An agent key sees its own queues only: " +
                "'memberOf' left out means itself, another agent is a 403. 404 when the agent does not exist.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Ok<Page<DirectoryAgent>>, ProblemHttpResult>> ListAgents(
        string? group, int? limit, string? cursor, HttpContext http, IGrainFactory grains, AgentDirectory directory, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        if (group is not null)
        {
            errors.Check(Identifiers.IsValidId(group), "group", $"group must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }

        if (!Paging.TryRead(AgentCursorKind, limit, cursor, errors, out var pageSize, out var after))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var scope = group;
        if (caller.Role == ApiKeyRole.Agent)
        {
            var self = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, caller.AgentId!)).Get(cancellationToken);
            if (self is null)
            {
                return AgentsApi.NotFound(caller.AgentId!);
            }

            var own = self.Profile.Group;
            if (group is not null && group != own)
            {
                return ApiProblems.Forbidden(
                    $"This key acts as agent '{caller.AgentId}', {(own is null ? "of no group" : $"of group '{own}'")}, and may list only that group's agents.");
            }

            scope = own ?? AgentDirectory.NoGroup;
        }

        var page = await directory.ListPageAsync(caller.TenantId, scope, after, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<DirectoryAgent>(page.Items, page.NextAfter is null ? null : Paging.Encode(AgentCursorKind, page.NextAfter)));
    }

    private static async Task<Results<Ok<Page<DirectoryQueue>>, ProblemHttpResult>> ListQueues(
        string? memberOf, int? limit, string? cursor, HttpContext http, QueueDirectory directory, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        if (memberOf is not null)
        {
            errors.Check(Identifiers.IsValidId(memberOf), "memberOf", $"memberOf must be an agent id: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }

        if (!Paging.TryRead(QueueCursorKind, limit, cursor, errors, out var pageSize, out var after))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var agentId = memberOf ?? (caller.Role == ApiKeyRole.Agent ? caller.AgentId : null);
        if (agentId is not null && !caller.MayAccessAgent(agentId))
        {
            return ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may list only its own queues, not those of '{agentId}'.");
        }

        var page = agentId is null
            ? await directory.ListPageAsync(caller.TenantId, after, pageSize, cancellationToken)
            : await directory.MemberOfPageAsync(caller.TenantId, agentId, after, pageSize, cancellationToken);
        return page is null
            ? AgentsApi.NotFound(agentId!)
            : TypedResults.Ok(new Page<DirectoryQueue>(page.Items, page.NextAfter is null ? null : Paging.Encode(QueueCursorKind, page.NextAfter)));
    }
}
