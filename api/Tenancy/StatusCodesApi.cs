using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Tenancy;

/// <summary><c>/v1/status-codes</c>: the reasons agents give for a state (e.g. Break: lunch, training).</summary>
public static class StatusCodeEndpoints
{
    public const int MaxItems = 100;

    public static IEndpointRouteBuilder MapStatusCodeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/status-codes").WithTags("Tenant configuration");

        group.MapGet("/", GetStatusCodes)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetStatusCodes")
            .WithSummary("Get the status codes")
            .ProducesStandardProblems();

        group.MapPut("/", PutStatusCodes)
            .RequireAuthorization(Policies.Admin)
            .WithName("PutStatusCodes")
            .WithSummary("Replace the status codes")
            .WithDescription("Replaces the whole list. Every state a code lists then requires a code. Busy and WrapUp cannot take codes; the system's own codes (no-answer, rejected, platform-change) are reserved.")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        return routes;
    }

    private static async Task<Ok<StatusCodeList>> GetStatusCodes(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var items = await grains.GetGrain<ITenantGrain>(http.User.GetCaller().TenantId).GetStatusCodes(cancellationToken);
        return TypedResults.Ok(ToList(items));
    }

    private static async Task<Results<Ok<StatusCodeList>, ProblemHttpResult>> PutStatusCodes(
        StatusCodeList request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var items = Validate(request, errors);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var tenant = grains.GetGrain<ITenantGrain>(http.User.GetCaller().TenantId);
        await tenant.SetStatusCodes(items, cancellationToken);
        return TypedResults.Ok(ToList(items));
    }

    private static List<StatusCodeItem> Validate(StatusCodeList request, ValidationErrors errors)
    {
        var result = new List<StatusCodeItem>();
        if (!CodeListRules.CheckList(errors, request.Items, MaxItems))
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items!.Count; i++)
        {
            var item = request.Items[i];
            var field = $"items[{i}]";
            if (!errors.Check(item is not null, field, "must be an object."))
            {
                continue;
            }

            CodeListRules.CheckItem(errors, field, item!.Code, item.Label, seen, SystemReasonCodes.IsSystemCode);

            var states = new List<AgentState>();
            if (errors.Check(item.States is { Count: > 0 }, $"{field}.states", "states is required: the states this code can be used with."))
            {
                foreach (var name in item.States!)
                {
                    if (!AgentStates.TryParse(name, out var state))
                    {
                        errors.Add($"{field}.states", $"'{RouteIds.Printable(name ?? "null")}' is not a state; use: {string.Join(", ", AgentStates.All.Where(AgentStates.IsRequestable))}.");
                    }
                    else if (AgentStates.IsSystemOnly(state))
                    {
                        errors.Add($"{field}.states", $"{state} is set by the system and cannot take status codes.");
                    }
                    else if (!states.Contains(state))
                    {
                        states.Add(state);
                    }
                }
            }

            result.Add(new StatusCodeItem(item.Code ?? "", item.Label?.Trim() ?? "", states));
        }

        return result;
    }

    private static StatusCodeList ToList(IReadOnlyList<StatusCodeItem> items) =>
        new([.. items.Select(i => new StatusCodeModel(i.Code, i.Label, [.. i.States.Select(s => s.ToString())]))]);
}
