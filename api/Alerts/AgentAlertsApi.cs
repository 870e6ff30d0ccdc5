using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Alerts;

/// <summary><c>/v1/agents/{agentId}/alerts</c>: the broadcasts an agent received, and marking them read.</summary>
public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/agents/{agentId}/alerts").WithTags(BroadcastEndpoints.Tag).RequireAuthorization(Policies.AgentScope);

        group.MapGet("/", ListAlerts)
            .WithName("ListAgentAlerts")
            .WithSummary("List an agent's alerts")
            .WithDescription("The broadcasts the agent received that have not expired (expired ones are left out), newest first, " +
                "with read and readAt. The agent keeps the newest 200. The agent's own key, or an admin or supervisor key.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapPost("/{alertId}/read", MarkRead)
            .WithName("MarkAlertRead")
            .WithSummary("Mark an alert read")
            .WithDescription("Records that the agent read the alert; the sender sees it in GET /v1/broadcasts/{id}. " +
                "Idempotent: marking it again keeps the first readAt. The agent's own key only.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Ok<AlertList>, ProblemHttpResult>> ListAlerts(
        string agentId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();

        if (caller.Role == ApiKeyRole.Integration)
        {
            return ApiProblems.Forbidden("Alerts are read by their agent, supervisors and admins; an integration key may not.");
        }

        if (await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId)).Get(cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Agent '{agentId}' does not exist.");
        }

        var alerts = await Inbox(grains, caller, agentId).GetCurrent(cancellationToken);
        return TypedResults.Ok(new AlertList([.. alerts.Select(AlertResponse.From)]));
    }

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> MarkRead(
        string agentId, string alertId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();

        if (caller.Role != ApiKeyRole.Agent)
        {
            // A read receipt says the agent saw it: only the agent's own console may give it.
            return ApiProblems.Forbidden("Only the agent's own key marks its alerts read.");
        }

        if (!Identifiers.IsValidId(alertId))
        {
            return ApiProblems.BadRequest($"'{RouteIds.Printable(alertId)}' is not a valid alert id.");
        }

        var read = await Inbox(grains, caller, agentId).MarkRead(alertId, cancellationToken);
        return read is null
            ? ApiProblems.NotFound($"Agent '{agentId}' has no alert '{alertId}'.")
            : TypedResults.Ok(AlertResponse.From(read));
    }

    private static IAlertInboxGrain Inbox(IGrainFactory grains, Caller caller, string agentId) =>
        grains.GetGrain<IAlertInboxGrain>(GrainKeys.AlertInbox(caller.TenantId, agentId));
}
