using Switchboard.Api.Agents;
using Switchboard.Api.Auth;
using Switchboard.Api.Queues;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Preferences;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.StatusView;

/// <summary>
/// The console's status view, read live on every call: <c>/v1/directory</c> (agents and queues), and under
/// <c>/v1/agents/{agentId}</c> the agents and queues an agent pinned (favorites) or recently passed calls to (recents).
/// </summary>
public static class DirectoryApi
{
    public const string Tag = "Status view";
    private const string AgentCursor = "directory-agent";
    private const string QueueCursor = "directory-queue";

    /// <summary>The live status readers the status view, favorites, recents and the live directory share.</summary>
    public static IServiceCollection AddStatusView(this IServiceCollection services) => services
        .AddSingleton<AgentDirectory>()
        .AddSingleton<QueueDirectory>();

    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder v1)
    {
        var directory = v1.MapGroup("/directory").WithTags(Tag).RequireAuthorization(Policies.AnyTenantKey);

        directory.MapGet("/agents", ListAgents)
            .WithName("ListDirectoryAgents")
            .WithSummary("List agents with their live state")
            .WithDescription("The agents of a group, ordered by id, a page at a time, each with its state, since (the timer), status code " +
                "and status-view icon (available, busy, working-offline, on-break, reading-email, wrap-up, logged-out). An agent key sees " +
                "its own group only: 'group' left out means its group (an agent with no group sees the agents with no group), another " +
                "group is a 403. Other keys may name any group, or leave it out for the whole tenant. Read live on every call.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        directory.MapGet("/queues", ListQueues)
            .WithName("ListDirectoryQueues")
            .WithSummary("List queues with their live figures")
            .WithDescription("With 'memberOf': the queues that agent is a member of; without: every queue of the tenant. Ordered by id, " +
                "a page at a time, each with the figures of GET /v1/queues/{queueId}/stats. An agent key sees its own queues only: " +
                "'memberOf' left out means itself, another agent is a 403. 404 when the agent does not exist.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        var favorites = v1.MapGroup("/agents/{agentId}/favorites").WithTags(Tag).RequireAuthorization(Policies.AgentScope);

        favorites.MapGet("/", ListFavorites)
            .WithName("ListFavorites")
            .WithSummary("List an agent's favorites with their live status")
            .WithDescription("Every favorite, newest first (at most 100, so not paged): agents with their state, since and icon, queues with " +
                "their figures (waiting, available agents, …). A favorite whose agent or queue was deleted since shows null there. " +
                "Any key (an agent key: its own agent).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        favorites.MapGet("/{kind}/{id}", GetFavorite)
            .WithName("GetFavorite")
            .WithSummary("Get one favorite with its live status")
            .WithDescription("kind is 'agent' or 'queue'. 404 when it is not a favorite.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        favorites.MapPut("/{kind}/{id}", AddFavorite)
            .RequireAuthorization(Policies.Staff)
            .WithName("AddFavorite")
            .WithSummary("Pin an agent or a queue")
            .WithDescription("kind is 'agent' or 'queue'; no body. 201 when pinned now, 200 when it already was (it keeps its place and " +
                "addedAt). The agent or queue must exist in the tenant (404). At most 100 favorites: one more is a 422 (unpin one first). " +
                "Agent (own), supervisor and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        favorites.MapDelete("/{kind}/{id}", RemoveFavorite)
            .RequireAuthorization(Policies.Staff)
            .WithName("RemoveFavorite")
            .WithSummary("Unpin an agent or a queue")
            .WithDescription("204 when unpinned; 404 when it was not a favorite. Agent (own), supervisor and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        v1.MapGroup("/agents/{agentId}").WithTags(Tag).RequireAuthorization(Policies.AgentScope)
            .MapGet("/recents", GetRecents)
            .WithName("GetRecents")
            .WithSummary("Get an agent's recent queues and agents with their live status")
            .WithDescription("Queues the agent transferred or consulted to, and agents it transferred or consulted to or that did so to it, " +
                "recorded when the transfer or consult is made. Newest first, each once (seen again: moved to the front), at most 20 " +
                "queues and 20 agents, each with when ('at') and its live status (null when deleted since). Any key (an agent key: its own agent).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return directory;
    }

    private static async Task<Results<Ok<Page<DirectoryAgent>>, ProblemHttpResult>> ListAgents(
        string? group, int? limit, string? cursor, [AsParameters] TenantContext tenant, AgentDirectory directory)
    {
        var rule = $"group must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.";
        if (!TryReadList(AgentCursor, ("group", group, rule), limit, cursor, out var pageSize, out var after, out var problem))
        {
            return problem;
        }

        // An agent key sees its own group only: what that is, the agent's profile says now.
        var caller = tenant.Caller;
        var scope = group;
        if (caller.Role == ApiKeyRole.Agent)
        {
            if (await tenant.Agent(caller.AgentId!).Get(tenant.CancellationToken) is not { } self)
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

        var page = await directory.ListPageAsync(tenant.TenantId, scope, after, pageSize, tenant.CancellationToken);
        return TypedResults.Ok(new Page<DirectoryAgent>(page.Items, page.NextAfter is null ? null : Paging.Encode(AgentCursor, page.NextAfter)));
    }

    private static async Task<Results<Ok<Page<DirectoryQueue>>, ProblemHttpResult>> ListQueues(
        string? memberOf, int? limit, string? cursor, [AsParameters] TenantContext tenant, QueueDirectory directory)
    {
        var rule = $"memberOf must be an agent id: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.";
        if (!TryReadList(QueueCursor, ("memberOf", memberOf, rule), limit, cursor, out var pageSize, out var after, out var problem))
        {
            return problem;
        }

        var caller = tenant.Caller;
        var agentId = memberOf ?? (caller.Role == ApiKeyRole.Agent ? caller.AgentId : null);
        if (agentId is not null && !caller.MayAccessAgent(agentId))
        {
            return ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may list only its own queues, not those of '{agentId}'.");
        }

        var page = agentId is null
            ? await directory.ListPageAsync(tenant.TenantId, after, pageSize, tenant.CancellationToken)
            : await directory.MemberOfPageAsync(tenant.TenantId, agentId, after, pageSize, tenant.CancellationToken);
        return page is null
            ? AgentsApi.NotFound(agentId!)
            : TypedResults.Ok(new Page<DirectoryQueue>(page.Items, page.NextAfter is null ? null : Paging.Encode(QueueCursor, page.NextAfter)));
    }

    private static async Task<Results<Ok<FavoriteList>, ProblemHttpResult>> ListFavorites(
        string agentId, [AsParameters] TenantContext tenant, AgentDirectory agents, QueueDirectory queues)
    {
        if (await ReadIfAgentExistsAsync(tenant, agentId, p => p.GetFavorites(tenant.CancellationToken)) is not { } favorites)
        {
            return AgentsApi.NotFound(agentId);
        }

        var live = await ReadLiveAsync(agents, queues, tenant, favorites);
        return TypedResults.Ok(new FavoriteList([.. favorites.Select(f => ToResponse(f, live))]));
    }

    private static async Task<Results<Ok<FavoriteResponse>, ProblemHttpResult>> GetFavorite(
        string agentId, string kind, string id, [AsParameters] TenantContext tenant, AgentDirectory agents, QueueDirectory queues)
    {
        if (!TryReadFavorite(kind, id, out var target, out var problem))
        {
            return problem;
        }

        var favorite = (await Preferences(tenant, agentId).GetFavorites(tenant.CancellationToken)).FirstOrDefault(f => f.Kind == target && f.Id == id);
        if (favorite is null)
        {
            return NotAFavorite(agentId, kind, id);
        }

        return TypedResults.Ok(ToResponse(favorite, await ReadLiveAsync(agents, queues, tenant, [favorite])));
    }

    private static async Task<Results<Created<FavoriteResponse>, Ok<FavoriteResponse>, ProblemHttpResult>> AddFavorite(
        string agentId, string kind, string id, [AsParameters] TenantContext tenant, AgentDirectory agents, QueueDirectory queues)
    {
        if (!TryReadFavorite(kind, id, out var target, out var problem))
        {
            return problem;
        }

        // Both must exist before anything is stored: the agent whose favorites these are, and what it pins.
        var owner = tenant.Agent(agentId).Get(tenant.CancellationToken);
        var live = LiveStatus.ReadAsync(agents, queues, tenant.TenantId,
            target == DirectoryKind.Agent ? [id] : [], target == DirectoryKind.Queue ? [id] : [], tenant.CancellationToken);
        await Task.WhenAll(owner, live);
        if (await owner is null)
        {
            return AgentsApi.NotFound(agentId);
        }

        if (!(target == DirectoryKind.Agent ? (await live).Agents.ContainsKey(id) : (await live).Queues.ContainsKey(id)))
        {
            return target == DirectoryKind.Agent ? AgentsApi.NotFound(id) : QueuesApi.NotFound(id);
        }

        var result = await Preferences(tenant, agentId).AddFavorite(target, id, tenant.CancellationToken);
        return result.Outcome switch
        {
            AddFavoriteOutcome.Added => TypedResults.Created($"/v1/agents/{agentId}/favorites/{kind}/{id}", ToResponse(result.Favorite!, await live)),
            AddFavoriteOutcome.AlreadyFavorite => TypedResults.Ok(ToResponse(result.Favorite!, await live)),
            _ => ApiProblems.Unprocessable(
                $"Agent '{agentId}' already has {IAgentPreferencesGrain.MaxFavorites} favorites, the most it may have; remove one first."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveFavorite(
        string agentId, string kind, string id, [AsParameters] TenantContext tenant)
    {
        if (!TryReadFavorite(kind, id, out var target, out var problem))
        {
            return problem;
        }

        return await Preferences(tenant, agentId).RemoveFavorite(target, id, tenant.CancellationToken)
            ? TypedResults.NoContent()
            : NotAFavorite(agentId, kind, id);
    }

    private static async Task<Results<Ok<RecentsResponse>, ProblemHttpResult>> GetRecents(
        string agentId, [AsParameters] TenantContext tenant, AgentDirectory agents, QueueDirectory queues)
    {
        if (await ReadIfAgentExistsAsync(tenant, agentId, p => p.GetRecents(tenant.CancellationToken)) is not { } view)
        {
            return AgentsApi.NotFound(agentId);
        }

        var live = await LiveStatus.ReadAsync(agents, queues, tenant.TenantId, view.Agents.Select(a => a.Id), view.Queues.Select(q => q.Id), tenant.CancellationToken);
        return TypedResults.Ok(new RecentsResponse(
            [.. view.Queues.Select(q => new RecentQueue(q.Id, q.At, live.Queues.GetValueOrDefault(q.Id)))],
            [.. view.Agents.Select(a => new RecentAgent(a.Id, a.At, live.Agents.GetValueOrDefault(a.Id)))]));
    }

    /// <summary>Reads a list's optional id filter with its paging parameters, so that one 400 names each that is wrong.</summary>
    private static bool TryReadList(
        string cursorKind, (string Name, string? Value, string Rule) filter, int? limit, string? cursor,
        out int pageSize, out string? after, out ProblemHttpResult problem)
    {
        var errors = new ValidationErrors();
        if (filter.Value is not null)
        {
            errors.Check(Identifiers.IsValidId(filter.Value), filter.Name, filter.Rule);
        }

        problem = null!;
        if (Paging.TryRead(cursorKind, limit, cursor, errors, out pageSize, out after))
        {
            return true;
        }

        problem = ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        return false;
    }

    /// <summary>Reads the favorite's kind and id from the path; the path's <c>id</c> names an agent or a queue, so the kind says which rules apply.</summary>
    private static bool TryReadFavorite(string kind, string id, out DirectoryKind target, out ProblemHttpResult problem)
    {
        (target, problem) = (default, null!);
        switch (kind)
        {
            case "agent":
                target = DirectoryKind.Agent;
                break;
            case "queue":
                target = DirectoryKind.Queue;
                break;
            default:
                problem = ApiProblems.BadRequest($"'{RouteIds.Printable(kind)}' is not a kind of favorite: use 'agent' or 'queue'.");
                return false;
        }

        if (Identifiers.IsValidId(id))
        {
            return true;
        }

        problem = RouteIds.MalformedId(kind, id);
        return false;
    }

    private static ProblemHttpResult NotAFavorite(string agentId, string kind, string id) =>
        ApiProblems.NotFound($"{(kind == "agent" ? "Agent" : "Queue")} '{id}' is not a favorite of agent '{agentId}'.");

    private static Task<LiveStatus> ReadLiveAsync(AgentDirectory agents, QueueDirectory queues, TenantContext tenant, IReadOnlyList<FavoriteEntry> favorites) =>
        LiveStatus.ReadAsync(agents, queues, tenant.TenantId,
            favorites.Where(f => f.Kind == DirectoryKind.Agent).Select(f => f.Id),
            favorites.Where(f => f.Kind == DirectoryKind.Queue).Select(f => f.Id),
            tenant.CancellationToken);

    private static FavoriteResponse ToResponse(FavoriteEntry favorite, LiveStatus live) => new(
        favorite.Kind,
        favorite.Id,
        favorite.AddedAt,
        favorite.Kind == DirectoryKind.Agent ? live.Agents.GetValueOrDefault(favorite.Id) : null,
        favorite.Kind == DirectoryKind.Queue ? live.Queues.GetValueOrDefault(favorite.Id) : null);

    /// <summary>Reads the agent's preferences with <paramref name="read"/> while checking that the agent exists; null when it does not.</summary>
    private static async Task<T?> ReadIfAgentExistsAsync<T>(TenantContext tenant, string agentId, Func<IAgentPreferencesGrain, Task<T>> read)
        where T : class
    {
        var agent = tenant.Agent(agentId).Get(tenant.CancellationToken);
        var value = read(Preferences(tenant, agentId));
        await Task.WhenAll(agent, value);
        return await agent is null ? null : await value;
    }

    private static IAgentPreferencesGrain Preferences(TenantContext tenant, string agentId) =>
        tenant.Grains.GetGrain<IAgentPreferencesGrain>(GrainKeys.Agent(tenant.TenantId, agentId));
}
