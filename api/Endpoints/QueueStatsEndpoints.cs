using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Api.Models;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;

namespace Switchboard.Api.Endpoints;

/// <summary><c>/v1/queues/{queueId}/stats</c>: the real-time figures a wallboard or supervisor shows.</summary>
public static class QueueStatsEndpoints
{
    public static IEndpointRouteBuilder MapQueueStatsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/queues").WithTags("Queues").RequireAuthorization(Policies.TenantReader)
            .MapGet("/{queueId}/stats", GetStats)
            .WithName("GetQueueStats")
            .WithSummary("Get a queue's real-time figures")
            .WithDescription("Work waiting and the longest wait, members by state, and today's (UTC) offered, answered and abandoned counts, " +
                "average speed of answer and service level (the share of answered or abandoned calls answered within serviceLevelSeconds).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<QueueStatsResponse>, ProblemHttpResult>> GetStats(
        string queueId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (RouteChecks.Queue(queueId) is { } problem)
        {
            return problem;
        }

        var stats = await grains.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(http.User.GetCaller().TenantId, queueId)).GetStats(cancellationToken);
        return stats is null ? QueueEndpoints.NotFound(queueId) : TypedResults.Ok(QueueStatsResponse.From(stats));
    }
}
