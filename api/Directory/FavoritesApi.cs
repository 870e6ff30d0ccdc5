using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Api.StatusView;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Preferences;
using Switchboard.Domain.Tenancy;
using Switchboard.Api.Queues;
using Switchboard.Api.Agents;

namespace Switchboard.Api.StatusView;

/// <summary><c>/v1/agents/{agentId}/favorites</c>: the agents and queues an agent pins to its status view.</summary>
public static class FavoriteEndpoints
{
    public static IEndpointRouteBuilder MapFavoriteEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/agents/{agentId}/favorites").WithTags(DirectoryEndpoints.Tag).RequireAuthorization(Policies.AgentScope);

        group.MapGet("/", ListFavorites)
            .WithName("ListFavorites")
            .WithSummary("List an agent's favorites with their live status")
            .WithDescription("Every favorite, newest first (at most 100, so not paged): agents with their state, since and icon, queues with " +
                "their figures (waiting, available agents, …). A favorite whose agent or queue was deleted since shows null there. " +
                "Any key (an agent key: its own agent).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapGet("/{kind}/{id}", GetFavorite)
            .WithName("GetFavorite")
            .WithSummary("Get one favorite with its live status")
            .WithDescription("kind is 'agent' or 'queue'. 404 when it is not a favorite.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapPut("/{kind}/{id}", AddFavorite)
            .WithName("AddFavorite")
            .WithSummary("Pin an agent or a queue")
            .WithDescription("kind is 'agent' or 'queue'; no body. 201 when pinned now, 200 when it already was (it keeps its place and " +
                "addedAt). The agent or queue must exist in the tenant (404). At most 100 favorites: one more is a 422 (unpin one first). " +
                "Agent (own), supervisor and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{kind}/{id}", RemoveFavorite)
            .WithName("RemoveFavorite")
            .WithSummary("Unpin an agent or a queue")
            .WithDescription("204 when unpinned; 404 when it was not a favorite. Agent (own), supervisor and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Ok<FavoriteList>, ProblemHttpResult>> ListFavorites(
        string agentId, HttpContext http, IGrainFactory grains, AgentDirectory agents, QueueDirectory queues, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();

        if (await ReadIfAgentExistsAsync(grains, caller, agentId, p => p.GetFavorites(cancellationToken), cancellationToken) is not { } favorites)
        {
            return AgentsApi.NotFound(agentId);
        }

        var live = await ReadLiveAsync(agents, queues, caller.TenantId, favorites, cancellationToken);
        return TypedResults.Ok(new FavoriteList([.. favorites.Select(f => ToResponse(f, live))]));
    }

    private static async Task<Results<Ok<FavoriteResponse>, ProblemHttpResult>> GetFavorite(
        string agentId, string kind, string id, HttpContext http, IGrainFactory grains, AgentDirectory agents, QueueDirectory queues, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (Check(caller, agentId, kind, id, out var target) is { } problem)
        {
            return problem;
        }

        var favorite = (await Preferences(grains, caller, agentId).GetFavorites(cancellationToken)).FirstOrDefault(f => f.Kind == target && f.Id == id);
        if (favorite is null)
        {
            return NotAFavorite(agentId, kind, id);
        }

        return TypedResults.Ok(ToResponse(favorite, await ReadLiveAsync(agents, queues, caller.TenantId, [favorite], cancellationToken)));
    }

    private static async Task<Results<Created<FavoriteResponse>, Ok<FavoriteResponse>, ProblemHttpResult>> AddFavorite(
        string agentId, string kind, string id, HttpContext http, IGrainFactory grains, AgentDirectory agents, QueueDirectory queues, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if ((Check(caller, agentId, kind, id, out var target) ?? ChangeAllowed(caller)) is { } problem)
        {
            return problem;
        }

        // Both must exist before anything is stored: the agent whose favorites these are, and what it pins.
        var owner = grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId)).Get(cancellationToken);
        var live = LiveStatus.ReadAsync(agents, queues, caller.TenantId,
            target == DirectoryKind.Agent ? [id] : [], target == DirectoryKind.Queue ? [id] : [], cancellationToken);
        await Task.WhenAll(owner, live);
        if (await owner is null)
        {
            return AgentsApi.NotFound(agentId);
        }

        if (!(target == DirectoryKind.Agent ? (await live).Agents.ContainsKey(id) : (await live).Queues.ContainsKey(id)))
        {
            return target == DirectoryKind.Agent ? AgentsApi.NotFound(id) : QueuesApi.NotFound(id);
        }

        var result = await Preferences(grains, caller, agentId).AddFavorite(target, id, cancellationToken);
        return result.Outcome switch
        {
            AddFavoriteOutcome.Added => TypedResults.Created($"/v1/agents/{agentId}/favorites/{kind}/{id}", ToResponse(result.Favorite!, await live)),
            AddFavoriteOutcome.AlreadyFavorite => TypedResults.Ok(ToResponse(result.Favorite!, await live)),
            _ => ApiProblems.Unprocessable(
                $"Agent '{agentId}' already has {IAgentPreferencesGrain.MaxFavorites} favorites, the most it may have; remove one first."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveFavorite(
        string agentId, string kind, string id, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if ((Check(caller, agentId, kind, id, out var target) ?? ChangeAllowed(caller)) is { } problem)
        {
            return problem;
        }

        return await Preferences(grains, caller, agentId).RemoveFavorite(target, id, cancellationToken)
            ? TypedResults.NoContent()
            : NotAFavorite(agentId, kind, id);
    }

    /// <summary>Null when the route is well-formed and the caller may use the agent; <paramref name="target"/> is the kind.</summary>
    private static ProblemHttpResult? Check(Caller caller, string agentId, string kind, string id, out DirectoryKind target)
    {
        target = default;

        switch (kind)
        {
            case "agent":
                target = DirectoryKind.Agent;
                break;
            case "queue":
                target = DirectoryKind.Queue;
                break;
            default:
                return ApiProblems.BadRequest($"'{RouteIds.Printable(kind)}' is not a kind of favorite: use 'agent' or 'queue'.");
        }

        return Identifiers.IsValidId(id)
            ? null
            : ApiProblems.BadRequest($"'{RouteIds.Printable(id)}' is not a valid {kind} id: use 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
    }

    private static ProblemHttpResult? ChangeAllowed(Caller caller) =>
        caller.Role == ApiKeyRole.Integration
            ? ApiProblems.Forbidden("Integration keys read favorites; an agent, supervisor or admin key changes them.")
            : null;

    private static ProblemHttpResult NotAFavorite(string agentId, string kind, string id) =>
        ApiProblems.NotFound($"{(kind == "agent" ? "Agent" : "Queue")} '{id}' is not a favorite of agent '{agentId}'.");

    private static Task<LiveStatus> ReadLiveAsync(
        AgentDirectory agents, QueueDirectory queues, string tenantId, IReadOnlyList<FavoriteEntry> favorites, CancellationToken cancellationToken) =>
        LiveStatus.ReadAsync(agents, queues, tenantId,
            favorites.Where(f => f.Kind == DirectoryKind.Agent).Select(f => f.Id),
            favorites.Where(f => f.Kind == DirectoryKind.Queue).Select(f => f.Id),
            cancellationToken);

    private static FavoriteResponse ToResponse(FavoriteEntry favorite, LiveStatus live) => new(
        favorite.Kind,
        favorite.Id,
        favorite.AddedAt,
        favorite.Kind == DirectoryKind.Agent ? live.Agents.GetValueOrDefault(favorite.Id) : null,
        favorite.Kind == DirectoryKind.Queue ? live.Queues.GetValueOrDefault(favorite.Id) : null);

    /// <summary>Reads the agent's preferences with <paramref name="read"/> while checking that the agent exists; null when it does not.</summary>
    internal static async Task<T?> ReadIfAgentExistsAsync<T>(
        IGrainFactory grains, Caller caller, string agentId, Func<IAgentPreferencesGrain, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        var agent = grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId)).Get(cancellationToken);
        var value = read(Preferences(grains, caller, agentId));
        await Task.WhenAll(agent, value);
        return await agent is null ? null : await value;
    }

    private static IAgentPreferencesGrain Preferences(IGrainFactory grains, Caller caller, string agentId) =>
        grains.GetGrain<IAgentPreferencesGrain>(GrainKeys.Agent(caller.TenantId, agentId));
}
