using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;

namespace Switchboard.Api.Queues;

/// <summary><c>/v1/queues/{queueId}/stats</c>: the real-time figures a wallboard or supervisor shows.</summary>
public static class QueueStatsEndpoints
{
    public static IEndpointRouteBuilder MapQueueStatsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/queues").WithTags("Queues").RequireAuthorization(Policies.TenantReader)
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

        var stats = await grains.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(http.User.GetCaller().TenantId, queueId)).GetStats(cancellationToken);
        return stats is null ? QueueEndpoints.NotFound(queueId) : TypedResults.Ok(QueueStatsResponse.From(stats));
    }
}
