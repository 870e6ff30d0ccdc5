using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Tenancy;
using Switchboard.Api.Middleware;

namespace Switchboard.Api.Tenancy;

/// <summary><c>/v1/tenants</c>: the operator creates tenants and their first admin key.</summary>
public static class TenantEndpoints
{
    public static RouteGroupBuilder MapTenancyApi(this RouteGroupBuilder v1)
    {
        v1.MapTenantEndpoints();
        v1.MapApiKeyEndpoints();
        v1.MapStatusCodeEndpoints();
        v1.MapTransactionCodeEndpoints();
        return v1;
    }

    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/tenants").WithTags("Tenants").RequireAuthorization(Policies.Operator)
            .MapPost("/", CreateTenant)
            .WithName("CreateTenant")
            .WithSummary("Create a tenant")
            .WithDescription("Operator key only (Auth:OperatorKey). Returns the tenant's first admin key, shown once.")
            .WithMetadata(new ShowsSecretOnce())
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<Results<Created<TenantResponse>, ProblemHttpResult>> CreateTenant(
        CreateTenantRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check(Identifiers.IsValidTenantId(request.Id), "id",
            $"id is required: 1-{Identifiers.MaxTenantIdLength} of lower-case letters, digits and '-', starting with a letter or digit.");
        errors.Check(Identifiers.IsValidText(request.Name), "name",
            $"name is required: 1-{Identifiers.MaxLabelLength} characters, without control characters.");
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var tenant = grains.GetGrain<ITenantGrain>(request.Id!);
        var keys = grains.GetGrain<IApiKeyStoreGrain>(request.Id!);

        // An existing tenant without keys is one whose first admin key was never issued (a failure after creating
        // it): a retry issues the key instead of leaving the tenant unreachable.
        if (!await tenant.Create(request.Name!.Trim(), cancellationToken) && (await keys.List(cancellationToken)).Count > 0)
        {
            return ApiProblems.Conflict($"Tenant '{request.Id}' already exists.");
        }

        var key = ApiKeyFormat.Generate(request.Id!);
        var registration = new ApiKeyRegistration(ApiKeyFormat.NewKeyId(), ApiKeyFormat.Hash(key), ApiKeyRole.Admin, null, "first admin key");
        var info = await keys.Register(registration, cancellationToken)
            ?? throw new InvalidOperationException("A freshly generated key id or key collided.");
        var created = (await tenant.Get(cancellationToken))!;
        return TypedResults.Created($"/v1/tenants/{created.Id}",
            new TenantResponse(created.Id, created.Name, created.CreatedAt, IssuedApiKeyResponse.From(info, key)));
    }
}
