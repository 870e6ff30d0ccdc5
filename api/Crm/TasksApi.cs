using System.Globalization;
using System.Security.Cryptography;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Crm;

/// <summary>
/// The local CRM's tasks (<c>/v1/crm/tasks</c>): follow-ups due at a time, for an agent, perhaps about a case or a
/// customer. When one falls due while open, its assignee gets an alert, live and in its alerts. Admins, supervisors and
/// integrations write every task; an agent key reads and writes its own.
/// </summary>
public static class TasksApi
{
    private const string Tag = "CRM";
    private const string Cursor = "tasks";
    private const string IdPrefix = "tk_";
    private const string OwnTasksOnly = "An agent key reads and writes its own tasks only.";

    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder v1)
    {
        var tasks = v1.MapGroup("/crm/tasks").WithTags(Tag).RequireAuthorization(Policies.AnyTenantKey);

        tasks.MapPost("/", CreateTask)
            .WithName("CreateTask")
            .WithSummary("Create a task")
            .WithDescription("For an existing agent, perhaps about an existing case or customer (422 otherwise); status open unless given. " +
                "When it falls due while open, the assignee gets an alert (kind task) in GET /v1/agents/{agentId}/alerts and on its socket; " +
                $"one due already alerts at once. 409 when the tenant holds {TaskRules.MaxTasks:N0} tasks. Any tenant key; an agent key gives tasks to itself only (403).")
            .ProducesStandardProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        tasks.MapGet("/", ListTasks)
            .WithName("ListTasks")
            .WithSummary("List tasks")
            .WithDescription("Soonest due first, cursor-paged (limit 1-200, default 50), filtered by assigneeAgentId, status, caseId, customerId and " +
                "dueBefore (due strictly before it); all optional, combined. An agent key lists its own tasks (another assignee: 403).")
            .ProducesStandardProblems(StatusCodes.Status403Forbidden);

        var task = tasks.MapGroup("/{taskId}");
        task.MapGet("", GetTask)
            .WithName("GetTask")
            .WithSummary("Get a task")
            .WithDescription("An agent key reads its own tasks only (403).")
            .ProducesStandardProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        task.MapPatch("", UpdateTask)
            .WithName("UpdateTask")
            .WithSummary("Change a task")
            .WithDescription("Fields left out stay; caseId or customerId \"\" removes the link. A new dueAt alerts again when it comes; done stops an alert not yet given. " +
                "An agent key changes its own tasks and cannot give them to another agent (403).")
            .ProducesStandardProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        task.MapDelete("", DeleteTask)
            .WithName("DeleteTask")
            .WithSummary("Delete a task")
            .WithDescription("An alert not yet given is not given. An agent key deletes its own tasks only (403).")
            .ProducesStandardProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return tasks;
    }

    private static async Task<Results<Created<TaskResponse>, ProblemHttpResult>> CreateTask(CreateTaskRequest request, [AsParameters] TenantContext tenant)
    {
        var errors = request.Check(BusinessTime.Now(tenant.Http));
        if (!errors.HasErrors && !MayHave(tenant, request.AssigneeAgentId!))
        {
            return ApiProblems.Forbidden(OwnTasksOnly);
        }

        await CheckLinks(tenant, errors, request.AssigneeAgentId, request.CaseId, request.CustomerId);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var result = await TaskGrain(tenant, id).Create(request.ToDraft(CasesApi.Actor(tenant)), tenant.CancellationToken);
        return result.Outcome switch
        {
            CrmTaskWriteOutcome.Created => TypedResults.Created($"/v1/crm/tasks/{id}", TaskResponse.From(result.Task!)),
            CrmTaskWriteOutcome.Full => ApiProblems.Conflict($"The local CRM has no room for another task (a tenant holds at most {TaskRules.MaxTasks:N0}); delete tasks that are done."),
            _ => ApiProblems.Conflict($"Task '{id}' exists already; try again."),
        };
    }

    private static async Task<Results<Ok<Page<TaskResponse>>, ProblemHttpResult>> ListTasks(
        [AsParameters] TenantContext tenant, string? assigneeAgentId, string? status, string? caseId, string? customerId, DateTimeOffset? dueBefore, int? limit, string? cursor)
    {
        var errors = new ValidationErrors();
        var wanted = QueryEnums.Parse<CrmTaskStatus>(errors, status, "status");
        foreach (var (value, name) in new[] { (assigneeAgentId, "assigneeAgentId"), (customerId, "customerId") })
        {
            if (value is not null)
            {
                errors.Check(Identifiers.IsValidId(value), name, $"{name} must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
            }
        }

        errors.Check(CasesApi.TryNumber(caseId, out var caseNumber), "caseId", "caseId must be a case's id (its number, as text).");
        if (!Paging.TryRead(Cursor, limit, cursor, errors, out var pageSize, out var text))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        if (!TryReadPosition(text, out var after))
        {
            return Paging.BadCursor();
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        if (tenant.Caller.Role == ApiKeyRole.Agent)
        {
            if (assigneeAgentId is not null && assigneeAgentId != tenant.Caller.AgentId)
            {
                return ApiProblems.Forbidden(OwnTasksOnly);
            }

            assigneeAgentId = tenant.Caller.AgentId;
        }

        // Every shard's soonest entries after the cursor, merged: the page is the soonest of them, wherever they live.
        var filter = new CrmTaskFilter(assigneeAgentId, wanted, caseNumber, customerId, dueBefore);
        var shards = await Task.WhenAll(Enumerable.Range(0, TaskDirectory.Shards).Select(shard =>
            tenant.Grains.GetGrain<ICrmTaskDirectoryShardGrain>(GrainKeys.CrmTaskDirectoryShard(tenant.TenantId, shard)).List(after, pageSize + 1, filter, tenant.CancellationToken)));
        var entries = shards.SelectMany(s => s).OrderBy(e => e.DueAt).ThenBy(e => e.Id, StringComparer.Ordinal).Take(pageSize + 1).ToList();
        var page = entries.Take(pageSize).ToList();
        var found = await Task.WhenAll(page.Select(e => TaskGrain(tenant, e.Id).Get(tenant.CancellationToken)));
        var next = entries.Count > pageSize ? Paging.Encode(Cursor, Position(page[^1])) : null;

        // An entry whose task was never stored (a create cut short) is passed over.
        return TypedResults.Ok(new Page<TaskResponse>([.. found.OfType<CrmTask>().Select(TaskResponse.From)], next));
    }

    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetTask(string taskId, [AsParameters] TenantContext tenant)
    {
        var (task, problem) = await Find(tenant, taskId);
        return task is null ? problem! : TypedResults.Ok(TaskResponse.From(task));
    }

    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> UpdateTask(string taskId, UpdateTaskRequest request, [AsParameters] TenantContext tenant)
    {
        var errors = request.Check(BusinessTime.Now(tenant.Http));
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var (task, problem) = await Find(tenant, taskId);
        if (task is null)
        {
            return problem!;
        }

        if (request.AssigneeAgentId is { } assignee && !MayHave(tenant, assignee))
        {
            return ApiProblems.Forbidden(OwnTasksOnly);
        }

        await CheckLinks(tenant, errors, request.AssigneeAgentId, request.CaseId is { Length: > 0 } c ? c : null, request.CustomerId is { Length: > 0 } u ? u : null);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await TaskGrain(tenant, task.Id).Update(request.ToPatch(), OwnOnly(tenant), tenant.CancellationToken);
        return result.Outcome switch
        {
            CrmTaskWriteOutcome.NotAssignee => ApiProblems.Forbidden(OwnTasksOnly),
            _ => result.Task is { } updated ? TypedResults.Ok(TaskResponse.From(updated)) : NotFound(taskId),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTask(string taskId, [AsParameters] TenantContext tenant)
    {
        var (task, problem) = await Find(tenant, taskId);
        if (task is null)
        {
            return problem!;
        }

        var result = await TaskGrain(tenant, task.Id).Delete(OwnOnly(tenant), tenant.CancellationToken);
        return result.Outcome switch
        {
            CrmTaskWriteOutcome.Deleted => TypedResults.NoContent(),
            CrmTaskWriteOutcome.NotAssignee => ApiProblems.Forbidden(OwnTasksOnly),
            _ => NotFound(taskId),
        };
    }

    /// <summary>The task, or the problem to answer: 404 when there is none, 403 when an agent key asks for another agent's.</summary>
    private static async Task<(CrmTask? Task, ProblemHttpResult? Problem)> Find(TenantContext tenant, string taskId)
    {
        if (!Identifiers.IsValidId(taskId) || await TaskGrain(tenant, taskId).Get(tenant.CancellationToken) is not { } task)
        {
            return (null, NotFound(taskId));
        }

        return MayHave(tenant, task.AssigneeAgentId) ? (task, null) : (null, ApiProblems.Forbidden(OwnTasksOnly));
    }

    /// <summary>The assignee a change must find in the task (checked by the task itself, in the same turn): an agent key's own agent.</summary>
    private static string? OwnOnly(TenantContext tenant) => tenant.Caller.Role == ApiKeyRole.Agent ? tenant.Caller.AgentId : null;

    /// <summary>Whether the caller may hold a task of <paramref name="assigneeAgentId"/>: an agent key its own only.</summary>
    private static bool MayHave(TenantContext tenant, string assigneeAgentId) =>
        tenant.Caller.Role != ApiKeyRole.Agent || tenant.Caller.AgentId == assigneeAgentId;

    /// <summary>Adds a 422 error for each well-formed id given that names nothing.</summary>
    private static async Task CheckLinks(TenantContext tenant, ValidationErrors errors, string? agentId, string? caseId, string? customerId)
    {
        var agent = agentId is not null && Identifiers.IsValidId(agentId) ? tenant.Agent(agentId).Get(tenant.CancellationToken) : null;
        var @case = CasesApi.TryNumber(caseId, out var number) && number is { } n ? CasesApi.Case(tenant, n).Get(tenant.CancellationToken) : null;
        var customer = customerId is not null && Identifiers.IsValidId(customerId)
            ? tenant.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant.TenantId, customerId)).Get(tenant.CancellationToken)
            : null;
        if (agent is not null)
        {
            errors.Check(await agent is not null, "assigneeAgentId", $"Agent '{agentId}' does not exist.");
        }

        if (@case is not null)
        {
            errors.Check(await @case is not null, "caseId", $"Case '{caseId}' does not exist.");
        }

        if (customer is not null)
        {
            errors.Check(await customer is not null, "customerId", $"Customer '{customerId}' does not exist.");
        }
    }

    private static string Position(CrmTaskEntry entry) => string.Create(CultureInfo.InvariantCulture, $"{entry.DueAt.UtcTicks}:{entry.Id}");

    /// <summary>Reads a <see cref="Position"/>; null text is the first page.</summary>
    private static bool TryReadPosition(string? text, out CrmTaskPosition? position)
    {
        position = null;
        if (text is null)
        {
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Identifiers.IsValidId(text[(colon + 1)..]))
        {
            return false;
        }

        position = new CrmTaskPosition(new DateTimeOffset(ticks, TimeSpan.Zero), text[(colon + 1)..]);
        return true;
    }

    private static ICrmTaskGrain TaskGrain(TenantContext tenant, string taskId) => tenant.Grains.GetGrain<ICrmTaskGrain>(GrainKeys.CrmTask(tenant.TenantId, taskId));

    private static ProblemHttpResult NotFound(string taskId) => ApiProblems.NotFound($"Task '{RouteIds.Printable(taskId)}' does not exist.");
}
