using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Api.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the cluster answers); no key needed.</summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health").AllowAnonymous();

        group.MapGet("/live", () => TypedResults.Text("Healthy"))
            .WithName("Live")
            .WithSummary("Liveness: the API process answers")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");

        group.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("Readiness: a grain call round-trips through the cluster")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Produces<string>(StatusCodes.Status503ServiceUnavailable, "text/plain");

        return routes;
    }

    private static async Task<ContentHttpResult> Ready(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Text("Healthy")
            : TypedResults.Text(report.Status.ToString(), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
