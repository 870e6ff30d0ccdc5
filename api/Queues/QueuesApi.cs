using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Switchboard.Api.Agents;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Queues;

/// <summary>
/// <c>/v1/queues</c>: admin CRUD of queues (admins, supervisors and integrations read them), which agents take each
/// queue's work and how skilled they are at it, and the real-time figures a wallboard or supervisor shows.
/// </summary>
public static class QueuesApi
{
    private const string CursorKind = "queue";

    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder v1)
    {
        var queues = v1.MapGroup("/queues").WithTags("Queues");

        queues.MapPost("/", CreateQueue)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateQueue")
            .WithSummary("Create a queue")
            .WithDescription("Creates a queue; fields left out take their defaults (voice, longest-idle, 15 s offer timeout, no codes, " +
                "no wrap-up limit, no overflow, rejectAgentState Break, serviceLevelSeconds 20, abandonThresholdSeconds 5). " +
                "Transaction codes must be the tenant's and the overflow queue must exist (422 otherwise). Repeating the same " +
                "request returns 200 with the queue; other settings under the same id are a 409.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        queues.MapGet("/", ListQueues)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("ListQueues")
            .WithSummary("List queues")
            .WithDescription("Queues ordered by id, a page at a time.")
            .ProducesStandardProblems();

        // Every route of one queue directly on its group, in the document's order: a nested group's routes would be listed last.
        var queue = queues.MapGroup("/{queueId}");

        queue.MapGet("", GetQueue)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetQueue")
            .WithSummary("Get a queue")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        queue.MapPatch("", UpdateQueue)
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateQueue")
            .WithSummary("Update a queue's settings")
            .WithDescription("A merge patch: fields left out (or null) stay; 'overflow': null removes the overflow and " +
                "'wrapUp': {'maxSeconds': null} the wrap-up limit. The patched queue must follow the same rules as a new one (422).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        queue.MapDelete("", DeleteQueue)
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteQueue")
            .WithSummary("Delete a queue")
            .WithDescription("Deletes the queue and takes its members out of it (their agents no longer list it). " +
                "A queue with work waiting in it, or one another queue overflows to, cannot be deleted (409): nothing queued is ever dropped.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        queue.MapGet("/members", GetMembers)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetQueueMembers")
            .WithSummary("Get a queue's members")
            .WithDescription("Every member with its skill level, ordered by agent id (a queue has at most 2,000 members).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        queue.MapPut("/members/{agentId}", SetMember)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("SetQueueMember")
            .WithSummary("Add an agent to a queue or change its skill level")
            .WithDescription("201 when the agent is added, 200 when it was a member (its skill level is now the one given). " +
                "The body is optional: skillLevel 1-10, default 1. 404 when the queue or the agent does not exist; 422 when " +
                "the queue already has 2,000 members.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        queue.MapDelete("/members/{agentId}", RemoveMember)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("RemoveQueueMember")
            .WithSummary("Take an agent out of a queue")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        queue.MapGet("/stats", GetStats)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetQueueStats")
            .WithSummary("Get a queue's real-time figures")
            .WithDescription("Work waiting and the longest wait, members by state, and from the event history the counts of today (since midnight in " +
                "the tenant's time zone) and of the last 30 minutes: offered, answered, abandoned (short abandons apart), transferred out, service level " +
                "(the share of answered or abandoned work answered within serviceLevelSeconds), average speed of answer, handle, wrap-up and hold time. " +
                "The queue:{queueId} topic of /v1/stream pushes the same figures at most a second after they change.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return queues;
    }

    /// <summary>The 404 of a queue that does not exist, the same wherever a queue is looked up.</summary>
    public static ProblemHttpResult NotFound(string queueId) => ApiProblems.NotFound($"Queue '{queueId}' does not exist.");

    private static async Task<Results<Created<QueueResponse>, Ok<QueueResponse>, ProblemHttpResult>> CreateQueue(
        CreateQueueRequest request, [AsParameters] TenantContext tenant)
    {
        // The grain checks every rule, with the codes and queues the settings refer to, and reports them all at once.
        var id = request.Id!;
        var result = await tenant.Queue(id).Create(QueueConfig.From(request.ToSettings()), tenant.CancellationToken);
        return result.Outcome switch
        {
            CreateQueueOutcome.Created => TypedResults.Created($"/v1/queues/{id}", QueueResponse.From(result.Queue!)),
            CreateQueueOutcome.AlreadyExists => TypedResults.Ok(QueueResponse.From(result.Queue!)),
            CreateQueueOutcome.Conflict => ApiProblems.Conflict($"Queue '{id}' already exists with other settings; PATCH it instead."),
            _ => Invalid(result.Errors),
        };
    }

    private static async Task<Results<Ok<Page<QueueSummary>>, ProblemHttpResult>> ListQueues(
        [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryRead(CursorKind, limit, cursor, out var pageSize, out var after, out var problem))
        {
            return problem;
        }

        var page = await tenant.Tenant<IQueueRosterGrain>().List(after, pageSize, tenant.CancellationToken);
        return TypedResults.Ok(new Page<QueueSummary>(
            [.. page.Items.Select(QueueSummary.From)],
            page.NextAfter is null ? null : Paging.Encode(CursorKind, page.NextAfter)));
    }

    private static async Task<Results<Ok<QueueResponse>, ProblemHttpResult>> GetQueue(string queueId, [AsParameters] TenantContext tenant) =>
        await tenant.Queue(queueId).Get(tenant.CancellationToken) is { } queue ? TypedResults.Ok(QueueResponse.From(queue)) : NotFound(queueId);

    private static async Task<Results<Ok<QueueResponse>, ProblemHttpResult>> UpdateQueue(
        string queueId, UpdateQueueRequest request, [AsParameters] TenantContext tenant)
    {
        // The grain checks the patched queue against every rule.
        var result = await tenant.Queue(queueId).Update(request.ToPatch(), tenant.CancellationToken);
        return result.Outcome switch
        {
            UpdateQueueOutcome.Updated => TypedResults.Ok(QueueResponse.From(result.Queue!)),
            UpdateQueueOutcome.NotFound => NotFound(queueId),
            _ => Invalid(result.Errors),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteQueue(string queueId, [AsParameters] TenantContext tenant)
    {
        var waiting = await Router(tenant, queueId).GetWaiting(tenant.CancellationToken);
        if (waiting.Count > 0)
        {
            return ApiProblems.Conflict($"{waiting.Count} interaction(s) wait in queue '{queueId}'; transfer or end them before deleting the queue.");
        }

        if (await OverflowingInto(tenant, queueId) is { } source)
        {
            return ApiProblems.Conflict($"Queue '{source}' overflows to queue '{queueId}'; change its overflow before deleting this queue.");
        }

        return await tenant.Queue(queueId).Delete(tenant.CancellationToken) ? TypedResults.NoContent() : NotFound(queueId);
    }

    /// <summary>A queue of the tenant whose overflow goes to <paramref name="queueId"/>, if any: work must never be sent to a deleted queue.</summary>
    private static async Task<string?> OverflowingInto(TenantContext tenant, string queueId)
    {
        string? after = null;
        do
        {
            var page = await tenant.Tenant<IQueueRosterGrain>().List(after, Paging.MaxLimit, tenant.CancellationToken);
            var configs = await Task.WhenAll(page.Items
                .Where(entry => entry.Id != queueId)
                .Select(entry => tenant.Queue(entry.Id).Get(tenant.CancellationToken)));
            if (configs.FirstOrDefault(q => q?.Config.Overflow?.QueueId == queueId) is { } source)
            {
                return source.Id;
            }

            after = page.NextAfter;
        }
        while (after is not null);

        return null;
    }

    private static async Task<Results<Ok<QueueMemberList>, ProblemHttpResult>> GetMembers(string queueId, [AsParameters] TenantContext tenant) =>
        await tenant.Queue(queueId).GetMembers(tenant.CancellationToken) is { } members
            ? TypedResults.Ok(new QueueMemberList([.. members.Select(QueueMemberResponse.From)]))
            : NotFound(queueId);

    private static async Task<Results<Created<QueueMemberResponse>, Ok<QueueMemberResponse>, ProblemHttpResult>> SetMember(
        string queueId,
        string agentId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] SetQueueMemberRequest? request,
        [AsParameters] TenantContext tenant)
    {
        var skillLevel = request?.SkillLevel ?? QueueMemberRules.DefaultSkillLevel;
        var result = await tenant.Queue(queueId).SetMember(agentId, skillLevel, tenant.CancellationToken);
        return result.Outcome switch
        {
            SetMemberOutcome.Added => TypedResults.Created($"/v1/queues/{queueId}/members/{agentId}", QueueMemberResponse.From(result.Member!)),
            SetMemberOutcome.Updated => TypedResults.Ok(QueueMemberResponse.From(result.Member!)),
            SetMemberOutcome.QueueNotFound => NotFound(queueId),
            SetMemberOutcome.AgentNotFound => AgentsApi.NotFound(agentId),
            _ => ApiProblems.Unprocessable($"Queue '{queueId}' already has {QueueMemberRules.MaxMembers} members, the most a queue may have."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(string queueId, string agentId, [AsParameters] TenantContext tenant) =>
        await tenant.Queue(queueId).RemoveMember(agentId, tenant.CancellationToken) switch
        {
            RemoveMemberOutcome.Removed => TypedResults.NoContent(),
            RemoveMemberOutcome.QueueNotFound => NotFound(queueId),
            _ => ApiProblems.NotFound($"Agent '{agentId}' is not a member of queue '{queueId}'."),
        };

    private static async Task<Results<Ok<QueueStatsResponse>, ProblemHttpResult>> GetStats(string queueId, [AsParameters] TenantContext tenant) =>
        await Router(tenant, queueId).GetStats(tenant.CancellationToken) is { } stats ? TypedResults.Ok(QueueStatsResponse.From(stats)) : NotFound(queueId);

    /// <summary>The queue's router: what waits in it and its figures.</summary>
    private static IQueueRouterGrain Router(TenantContext tenant, string queueId) =>
        tenant.Grains.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenant.TenantId, queueId));

    /// <summary>The 422 of the rules the grain found broken, each under its field.</summary>
    private static ProblemHttpResult Invalid(IReadOnlyList<QueueFieldError> fieldErrors)
    {
        var errors = new ValidationErrors();
        foreach (var error in fieldErrors)
        {
            errors.Add(error.Field, error.Message);
        }

        return ApiProblems.Invalid(errors);
    }
}
