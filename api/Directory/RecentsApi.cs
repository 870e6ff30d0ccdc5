using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Api.StatusView;
using Switchboard.Api.Agents;

namespace Switchboard.Api.StatusView;

/// <summary><c>/v1/agents/{agentId}/recents</c>: queues and agents an agent recently passed calls to or got them from.</summary>
public static class RecentEndpoints
{
    public static IEndpointRouteBuilder MapRecentEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/agents/{agentId}").WithTags(DirectoryEndpoints.Tag).RequireAuthorization(Policies.AgentScope)
            .MapGet("/recents", GetRecents)
            .WithName("GetRecents")
            .WithSummary("Get an agent's recent queues and agents with their live status")
            .WithDescription("Queues the agent transferred or consulted to, and agents it transferred or consulted to or that did so to it, " +
                "recorded when the transfer or consult is made. Newest first, each once (seen again: moved to the front), at most 20 " +
                "queues and 20 agents, each with when ('at') and its live status (null when deleted since). Any key (an agent key: its own agent).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<RecentsResponse>, ProblemHttpResult>> GetRecents(
        string agentId, HttpContext http, IGrainFactory grains, AgentDirectory agents, QueueDirectory queues, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();

        if (await FavoriteEndpoints.ReadIfAgentExistsAsync(grains, caller, agentId, p => p.GetRecents(cancellationToken), cancellationToken) is not { } view)
        {
            return AgentsApi.NotFound(agentId);
        }

        var live = await LiveStatus.ReadAsync(agents, queues, caller.TenantId, view.Agents.Select(a => a.Id), view.Queues.Select(q => q.Id), cancellationToken);
        return TypedResults.Ok(new RecentsResponse(
            [.. view.Queues.Select(q => new RecentQueue(q.Id, q.At, live.Queues.GetValueOrDefault(q.Id)))],
            [.. view.Agents.Select(a => new RecentAgent(a.Id, a.At, live.Agents.GetValueOrDefault(a.Id)))]));
    }
}
