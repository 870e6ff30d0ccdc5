using Switchboard.Api.Auth;
using Switchboard.Contracts.Tenancy;

namespace Switchboard.Api.Routing;

/// <summary><c>/v1/routing</c>: tenant-wide routing rules (which work blocks which).</summary>
public static class RoutingApi
{
    public static RouteGroupBuilder MapRoutingApi(this RouteGroupBuilder v1)
    {
        var routing = v1.MapGroup("/routing").WithTags("Routing");

        routing.MapGet("/utilization", GetUtilization)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetUtilization")
            .WithSummary("Get the utilization rule")
            .WithDescription("Which work keeps which other work away from an agent. Defaults: a call blocks everything else; open chats, emails and voicemails do not block a call.")
            .ProducesStandardProblems();

        routing.MapPut("/utilization", PutUtilization)
            .RequireAuthorization(Policies.Admin)
            .WithName("PutUtilization")
            .WithSummary("Set the utilization rule")
            .WithDescription("Applies to every offer made once this answers; agents a queue thought blocked are offered its work again if the new rule lets them. " +
                "Each agent's capacity per medium is set on the agent (PATCH /v1/agents/{agentId}).")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        return routing;
    }

    private static async Task<Ok<UtilizationResponse>> GetUtilization([AsParameters] TenantContext tenant) =>
        TypedResults.Ok(UtilizationResponse.From(await tenant.Tenant<ITenantGrain>().GetUtilization(tenant.CancellationToken)));

    private static async Task<Ok<UtilizationResponse>> PutUtilization(UtilizationRequest request, [AsParameters] TenantContext tenant)
    {
        var settings = request.ToSettings();
        await tenant.Tenant<ITenantGrain>().SetUtilization(settings, tenant.CancellationToken);
        return TypedResults.Ok(UtilizationResponse.From(settings));
    }
}
