using System.Security.Cryptography;
using Switchboard.Api.Agents;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Alerts;

namespace Switchboard.Api.Alerts;

/// <summary>
/// Supervisors' broadcasts to all agents, a group or a queue's members, with read receipts (<c>/v1/broadcasts</c>),
/// and each agent's alerts: the broadcasts it received and its tasks that fell due, which it marks read
/// (<c>/v1/agents/{agentId}/alerts</c>).
/// </summary>
public static class AlertsApi
{
    private const string Tag = "Alerts";
    private const string IdPrefix = "b_";
    private const string BroadcastCursor = "broadcasts";

    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder v1)
    {
        var broadcasts = v1.MapGroup("/broadcasts").WithTags(Tag).RequireAuthorization(Policies.Supervisor);

        broadcasts.MapPost("/", SendBroadcast)
            .WithName("SendBroadcast")
            .WithSummary("Send a broadcast to agents")
            .WithDescription("Sends text (1-2,000 characters) to exactly one audience: {\"all\": true}, {\"group\": \"sales\"} or " +
                "{\"queueId\": \"support\"} (the queue must exist: 422). Recipients are the agents of the audience now (at most 10,000); " +
                "each agent's alerts get it, and consoles hear of it live. expiresAt, if given, must be in the future (at most a year). " +
                "sentBy is the sending key's id. Admin and supervisor keys.")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        broadcasts.MapGet("/", ListBroadcasts)
            .WithName("ListBroadcasts")
            .WithSummary("List broadcasts")
            .WithDescription("The tenant's broadcasts, newest first, with recipient, delivered and read counts; limit 1-200 (default 50) and cursor page through.")
            .ProducesStandardProblems();

        broadcasts.MapGet("/{broadcastId}", GetBroadcast)
            .WithName("GetBroadcast")
            .WithSummary("Get a broadcast with its read receipts")
            .WithDescription("Each recipient (ordered by agent id) with whether its alerts have it yet and when it read it.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        var alerts = v1.MapGroup("/agents/{agentId}/alerts").WithTags(Tag).RequireAuthorization(Policies.AgentScope);

        alerts.MapGet("/", ListAlerts)
            .RequireAuthorization(Policies.Staff)
            .WithName("ListAgentAlerts")
            .WithSummary("List an agent's alerts")
            .WithDescription("The alerts the agent received that have not expired (expired ones are left out), newest first, with read and readAt: " +
                "broadcasts (kind broadcast) and its CRM tasks falling due (kind task, with taskId). The agent keeps the newest 200. " +
                "The agent's own key, or an admin or supervisor key.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        // A read receipt says the agent saw it: only the agent's own console may give it.
        alerts.MapPost("/{alertId}/read", MarkRead)
            .RequireAuthorization(Policies.AgentOnly)
            .WithName("MarkAlertRead")
            .WithSummary("Mark an alert read")
            .WithDescription("Records that the agent read the alert; for a broadcast, the sender sees it in GET /v1/broadcasts/{id}. " +
                "Idempotent: marking it again keeps the first readAt. The agent's own key only.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return broadcasts;
    }

    private static async Task<Results<Created<BroadcastResponse>, ProblemHttpResult>> SendBroadcast(
        CreateBroadcastRequest request, [AsParameters] TenantContext tenant)
    {
        if (request.Check(BusinessTime.Now(tenant.Http)) is { } invalid)
        {
            return invalid;
        }

        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var send = new SendBroadcast(request.Text!, request.Audience!.ToAudience(), tenant.Caller.KeyId, request.ExpiresAt);
        var result = await Broadcast(tenant, id).Send(send, tenant.CancellationToken);
        return result.Outcome switch
        {
            SendBroadcastOutcome.Sent or SendBroadcastOutcome.AlreadyExists =>
                TypedResults.Created($"/v1/broadcasts/{id}", BroadcastResponse.From(result.Broadcast!)),
            SendBroadcastOutcome.QueueNotFound => ApiProblems.Invalid("audience.queueId", result.Detail!),
            SendBroadcastOutcome.Expired => ApiProblems.Invalid("expiresAt", result.Detail!),
            _ => ApiProblems.Invalid("audience", result.Detail!),
        };
    }

    private static async Task<Results<Ok<Page<BroadcastSummaryResponse>>, ProblemHttpResult>> ListBroadcasts(
        [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryReadTime(BroadcastCursor, limit, cursor, out var pageSize, out var position, out var problem))
        {
            return problem;
        }

        var after = position is { } p ? new IndexedBroadcast("", p.At, p.Sequence) : null;
        var entries = await tenant.Tenant<IBroadcastIndexGrain>().ListBefore(after, pageSize + 1, tenant.CancellationToken);
        var page = entries.Take(pageSize).ToList();
        var summaries = await Task.WhenAll(page.Select(e => Broadcast(tenant, e.Id).GetSummary(tenant.CancellationToken)));
        var next = entries.Count > pageSize ? Paging.Encode(BroadcastCursor, Paging.TimePosition(page[^1].SentAt, page[^1].Sequence)) : null;
        return TypedResults.Ok(new Page<BroadcastSummaryResponse>([.. summaries.OfType<BroadcastSummary>().Select(BroadcastSummaryResponse.From)], next));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> GetBroadcast(string broadcastId, [AsParameters] TenantContext tenant) =>
        await Broadcast(tenant, broadcastId).Get(tenant.CancellationToken) is { } view
            ? TypedResults.Ok(BroadcastResponse.From(view))
            : ApiProblems.NotFound($"Broadcast '{broadcastId}' does not exist.");

    private static async Task<Results<Ok<AlertList>, ProblemHttpResult>> ListAlerts(string agentId, [AsParameters] TenantContext tenant)
    {
        if (await tenant.Agent(agentId).Get(tenant.CancellationToken) is null)
        {
            return AgentsApi.NotFound(agentId);
        }

        var alerts = await Inbox(tenant, agentId).GetCurrent(tenant.CancellationToken);
        return TypedResults.Ok(new AlertList([.. alerts.Select(AlertResponse.From)]));
    }

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> MarkRead(string agentId, string alertId, [AsParameters] TenantContext tenant) =>
        await Inbox(tenant, agentId).MarkRead(alertId, tenant.CancellationToken) is { } read
            ? TypedResults.Ok(AlertResponse.From(read))
            : ApiProblems.NotFound($"Agent '{agentId}' has no alert '{alertId}'.");

    private static IBroadcastGrain Broadcast(TenantContext tenant, string broadcastId) =>
        tenant.Grains.GetGrain<IBroadcastGrain>(GrainKeys.Broadcast(tenant.TenantId, broadcastId));

    private static IAlertInboxGrain Inbox(TenantContext tenant, string agentId) =>
        tenant.Grains.GetGrain<IAlertInboxGrain>(GrainKeys.AlertInbox(tenant.TenantId, agentId));
}
