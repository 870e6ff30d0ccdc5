using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Tenancy;

namespace Switchboard.Api.Tenancy;

/// <summary><c>/v1/transaction-codes</c>: dispositions agents save at wrap-up; queues pick which apply to them.</summary>
public static class TransactionCodeEndpoints
{
    public const int MaxItems = 500;

    public static IEndpointRouteBuilder MapTransactionCodeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/transaction-codes").WithTags("Tenant configuration");

        group.MapGet("/", GetTransactionCodes)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetTransactionCodes")
            .WithSummary("Get the transaction codes")
            .ProducesStandardProblems();

        group.MapPut("/", PutTransactionCodes)
            .RequireAuthorization(Policies.Admin)
            .WithName("PutTransactionCodes")
            .WithSummary("Replace the transaction codes")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        return routes;
    }

    private static async Task<Ok<TransactionCodeList>> GetTransactionCodes(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var items = await grains.GetGrain<ITenantGrain>(http.User.GetCaller().TenantId).GetTransactionCodes(cancellationToken);
        return TypedResults.Ok(ToList(items));
    }

    private static async Task<Results<Ok<TransactionCodeList>, ProblemHttpResult>> PutTransactionCodes(
        TransactionCodeList request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var items = new List<TransactionCodeItem>();
        if (CodeListRules.CheckList(errors, request.Items, MaxItems))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < request.Items!.Count; i++)
            {
                var item = request.Items[i];
                var field = $"items[{i}]";
                if (errors.Check(item is not null, field, "must be an object."))
                {
                    CodeListRules.CheckItem(errors, field, item!.Code, item.Label, seen);
                    items.Add(new TransactionCodeItem(item.Code ?? "", item.Label?.Trim() ?? ""));
                }
            }
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        await grains.GetGrain<ITenantGrain>(http.User.GetCaller().TenantId).SetTransactionCodes(items, cancellationToken);
        return TypedResults.Ok(ToList(items));
    }

    private static TransactionCodeList ToList(IReadOnlyList<TransactionCodeItem> items) =>
        new([.. items.Select(i => new TransactionCodeModel(i.Code, i.Label))]);
}
