using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Queues;

/// <summary><c>/v1/queues</c>: admin CRUD of queues; admins, supervisors and integrations read them.</summary>
public static class QueueEndpoints
{
    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder v1)
    {
        v1.MapQueueEndpoints();
        v1.MapQueueMemberEndpoints();
        v1.MapQueueStatsEndpoints();
        return v1;
    }

    private const string CursorKind = "queue";

    public static IEndpointRouteBuilder MapQueueEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/queues").WithTags("Queues");

        group.MapPost("/", CreateQueue)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateQueue")
            .WithSummary("Create a queue")
            .WithDescription("Creates a queue; fields left out take their defaults (voice, longest-idle, 15 s offer timeout, no codes, " +
                "no wrap-up limit, no overflow, rejectAgentState Break). Transaction codes must be the tenant's and the overflow " +
                "queue must exist (422 otherwise). Repeating the same request returns 200 with the queue; other settings under " +
                "the same id are a 409.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListQueues)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("ListQueues")
            .WithSummary("List queues")
            .WithDescription("Queues ordered by id, a page at a time.")
            .ProducesStandardProblems();

        group.MapGet("/{queueId}", GetQueue)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetQueue")
            .WithSummary("Get a queue")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapPatch("/{queueId}", UpdateQueue)
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateQueue")
            .WithSummary("Update a queue's settings")
            .WithDescription("A merge patch: fields left out (or null) stay; 'overflow': null removes the overflow and " +
                "'wrapUp': {'maxSeconds': null} the wrap-up limit. The patched queue must follow the same rules as a new one (422).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{queueId}", DeleteQueue)
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteQueue")
            .WithSummary("Delete a queue")
            .WithDescription("Deletes the queue and takes its members out of it (their agents no longer list it). " +
                "A queue with work waiting in it, or one another queue overflows to, cannot be deleted (409): nothing queued is ever dropped.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return routes;
    }

    private static async Task<Results<Created<QueueResponse>, Ok<QueueResponse>, ProblemHttpResult>> CreateQueue(
        CreateQueueRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var id = request.Id ?? "";
        var settings = new QueueSettings(
            request.Name ?? "",
            request.Media ?? QueueSettings.DefaultMedia,
            request.Strategy ?? QueueSettings.DefaultStrategy,
            request.OfferTimeoutSeconds ?? QueueSettings.DefaultOfferTimeoutSeconds,
            request.TransactionCodes is null ? [] : [.. request.TransactionCodes.Select(c => c ?? "")],
            new WrapUpPolicy(request.WrapUp?.CodeRequired ?? false, request.WrapUp?.MaxSeconds),
            request.Overflow is { } overflow ? new QueueOverflow(overflow.QueueId ?? "", overflow.AfterSeconds ?? 0) : null,
            request.RejectAgentState ?? QueueSettings.DefaultRejectAgentState);

        if (!Identifiers.IsValidId(id))
        {
            // No grain to ask: report the id with whatever else the settings alone show to be wrong.
            return Invalid([.. QueueSettingsRules.Check(id, settings).Select(v => new QueueFieldError(v.Field, v.Message))]);
        }

        // The grain checks every rule, with the codes and queues the settings refer to, and reports them all at once.
        var result = await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(caller.TenantId, id)).Create(QueueConfig.From(settings), cancellationToken);
        return result.Outcome switch
        {
            CreateQueueOutcome.Created => TypedResults.Created($"/v1/queues/{id}", QueueResponse.From(result.Queue!)),
            CreateQueueOutcome.AlreadyExists => TypedResults.Ok(QueueResponse.From(result.Queue!)),
            CreateQueueOutcome.Conflict => ApiProblems.Conflict($"Queue '{id}' already exists with other settings; PATCH it instead."),
            _ => Invalid(result.Errors),
        };
    }

    private static async Task<Results<Ok<Page<QueueSummary>>, ProblemHttpResult>> ListQueues(
        HttpContext http, IGrainFactory grains, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        if (!Paging.TryRead(CursorKind, limit, cursor, errors, out var pageSize, out var after))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var page = await grains.GetGrain<IQueueRosterGrain>(caller.TenantId).List(after, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<QueueSummary>(
            [.. page.Items.Select(QueueSummary.From)],
            page.NextAfter is null ? null : Paging.Encode(CursorKind, page.NextAfter)));
    }

    private static async Task<Results<Ok<QueueResponse>, ProblemHttpResult>> GetQueue(
        string queueId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {

        var queue = await Queue(grains, http, queueId).Get(cancellationToken);
        return queue is null ? NotFound(queueId) : TypedResults.Ok(QueueResponse.From(queue));
    }

    private static async Task<Results<Ok<QueueResponse>, ProblemHttpResult>> UpdateQueue(
        string queueId, UpdateQueueRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {

        // The grain checks the patched queue against every rule.
        var patch = new QueueConfigPatch(
            Name: request.Name,
            Media: request.Media,
            Strategy: request.Strategy,
            OfferTimeoutSeconds: request.OfferTimeoutSeconds,
            TransactionCodes: request.TransactionCodes?.Select(c => c ?? "").ToArray(),
            WrapUpCodeRequired: request.WrapUp?.CodeRequired,
            WrapUpMaxSeconds: request.WrapUp?.MaxSeconds,
            ClearWrapUpMaxSeconds: request.WrapUp is { MaxSecondsGiven: true, MaxSeconds: null },
            OverflowQueueId: request.Overflow?.QueueId,
            OverflowAfterSeconds: request.Overflow?.AfterSeconds,
            RemoveOverflow: request is { OverflowGiven: true, Overflow: null },
            RejectAgentState: request.RejectAgentState);
        var result = await Queue(grains, http, queueId).Update(patch, cancellationToken);
        return result.Outcome switch
        {
            UpdateQueueOutcome.Updated => TypedResults.Ok(QueueResponse.From(result.Queue!)),
            UpdateQueueOutcome.NotFound => NotFound(queueId),
            _ => Invalid(result.Errors),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteQueue(
        string queueId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {

        var tenantId = http.User.GetCaller().TenantId;
        var waiting = await grains.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId)).GetWaiting(cancellationToken);
        if (waiting.Count > 0)
        {
            return ApiProblems.Conflict($"{waiting.Count} interaction(s) wait in queue '{queueId}'; transfer or end them before deleting the queue.");
        }

        if (await OverflowingInto(grains, tenantId, queueId, cancellationToken) is { } source)
        {
            return ApiProblems.Conflict($"Queue '{source}' overflows to queue '{queueId}'; change its overflow before deleting this queue.");
        }

        return await Queue(grains, http, queueId).Delete(cancellationToken) ? TypedResults.NoContent() : NotFound(queueId);
    }

    /// <summary>A queue of the tenant whose overflow goes to <paramref name="queueId"/>, if any: work must never be sent to a deleted queue.</summary>
    private static async Task<string?> OverflowingInto(IGrainFactory grains, string tenantId, string queueId, CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await grains.GetGrain<IQueueRosterGrain>(tenantId).List(after, Paging.MaxLimit, cancellationToken);
            var configs = await Task.WhenAll(page.Items
                .Where(entry => entry.Id != queueId)
                .Select(entry => grains.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, entry.Id)).Get(cancellationToken)));
            if (configs.FirstOrDefault(q => q?.Config.Overflow?.QueueId == queueId) is { } source)
            {
                return source.Id;
            }

            after = page.NextAfter;
        }
        while (after is not null);

        return null;
    }

    internal static ProblemHttpResult NotFound(string queueId) => ApiProblems.NotFound($"Queue '{queueId}' does not exist.");

    internal static IQueueGrain Queue(IGrainFactory grains, HttpContext http, string queueId) =>
        grains.GetGrain<IQueueGrain>(GrainKeys.Queue(http.User.GetCaller().TenantId, queueId));

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
