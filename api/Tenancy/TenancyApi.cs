using Switchboard.Api.Auth;
using Switchboard.Api.Live;
using Switchboard.Api.Middleware;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Tenancy;

/// <summary>
/// Tenants and their configuration: the operator creates tenants (<c>/v1/tenants</c>); a tenant admin issues keys
/// (<c>/v1/api-keys</c>) and sets the status codes and transaction codes agents choose from.
/// </summary>
public static class TenancyApi
{
    private const string KeyCursor = "key";
    private const string ConfigurationTag = "Tenant configuration";

    public static RouteGroupBuilder MapTenancyApi(this RouteGroupBuilder v1)
    {
        var tenants = v1.MapGroup("/tenants").WithTags("Tenants").RequireAuthorization(Policies.Operator);

        tenants.MapPost("/", CreateTenant)
            .WithName("CreateTenant")
            .WithSummary("Create a tenant")
            .WithDescription("Operator key only (Auth:OperatorKey). Returns the tenant's first admin key, shown once.")
            .WithMetadata(new ShowsSecretOnce())
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        tenants.MapGet("/{tenantId}", GetTenant)
            .WithName("GetTenant")
            .WithSummary("Get a tenant")
            .WithDescription("Operator key only (Auth:OperatorKey). The tenant's id, name and when it was created; never a key.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        var keys = v1.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin);

        keys.MapPost("/", CreateKey)
            .WithName("CreateApiKey")
            .WithSummary("Issue an API key")
            .WithDescription("Returns the key once; only its hash is stored. An agent key is bound to one existing agent. " +
                "Retried with the same Idempotency-Key, it answers 409 with the key's Location instead of the key.")
            .WithMetadata(new ShowsSecretOnce())
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        keys.MapGet("/", ListKeys)
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("The tenant's keys ordered by id, revoked ones included, without the keys themselves; a page at a time.")
            .ProducesStandardProblems();

        v1.MapGet("/me", GetMe)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithTags("API keys")
            .WithName("GetMe")
            .WithSummary("Who the key is")
            .WithDescription("The calling key's tenant, id, role and, for an agent key, its agent: what a console reads after sign-in to know whose it is.")
            .ProducesStandardProblems();

        keys.MapDelete("/{keyId}", RevokeKey)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key stops working at once on this API host, and within Auth:KeyCacheSeconds on others.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        var statusCodes = v1.MapGroup("/status-codes").WithTags(ConfigurationTag);

        statusCodes.MapGet("/", GetStatusCodes)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetStatusCodes")
            .WithSummary("Get the status codes")
            .ProducesStandardProblems();

        statusCodes.MapPut("/", PutStatusCodes)
            .RequireAuthorization(Policies.Admin)
            .WithName("PutStatusCodes")
            .WithSummary("Replace the status codes")
            .WithDescription("Replaces the whole list. Every state a code lists then requires a code. Busy and WrapUp cannot take codes; the system's own codes (no-answer, rejected, platform-change) are reserved.")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        var settings = v1.MapGroup("/settings").WithTags(ConfigurationTag);

        settings.MapGet("/", GetSettings)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetSettings")
            .WithSummary("Get the tenant's settings")
            .WithDescription("The time zone the tenant's days and report periods are counted in (default UTC).")
            .ProducesStandardProblems();

        settings.MapPut("/", PutSettings)
            .RequireAuthorization(Policies.Admin)
            .WithName("PutSettings")
            .WithSummary("Replace the tenant's settings")
            .WithDescription("timeZone: an IANA time zone id such as Europe/Rome. Live queue figures start their day at the new midnight at once; " +
                "reports use it from the next request.")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        var transactionCodes = v1.MapGroup("/transaction-codes").WithTags(ConfigurationTag);

        transactionCodes.MapGet("/", GetTransactionCodes)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetTransactionCodes")
            .WithSummary("Get the transaction codes")
            .ProducesStandardProblems();

        transactionCodes.MapPut("/", PutTransactionCodes)
            .RequireAuthorization(Policies.Admin)
            .WithName("PutTransactionCodes")
            .WithSummary("Replace the transaction codes")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        return tenants;
    }

    // The operator's key belongs to no tenant, so its routes name the tenant's grains themselves instead of a TenantContext.
    private static async Task<Results<Created<TenantResponse>, ProblemHttpResult>> CreateTenant(
        CreateTenantRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
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

    private static async Task<Results<Ok<TenantInfoResponse>, ProblemHttpResult>> GetTenant(
        string tenantId, IGrainFactory grains, CancellationToken cancellationToken) =>
        await grains.GetGrain<ITenantGrain>(tenantId).Get(cancellationToken) is { } tenant
            ? TypedResults.Ok(TenantInfoResponse.From(tenant))
            : ApiProblems.NotFound($"Tenant '{tenantId}' does not exist.");

    private static async Task<Results<Created<IssuedApiKeyResponse>, ProblemHttpResult>> CreateKey(
        CreateApiKeyRequest request, [AsParameters] TenantContext tenant)
    {
        var role = request.KeyRole;
        if (role == ApiKeyRole.Agent && await tenant.Agent(request.AgentId!).Get(tenant.CancellationToken) is null)
        {
            return ApiProblems.Invalid("agentId", $"Agent '{request.AgentId}' does not exist.");
        }

        var key = ApiKeyFormat.Generate(tenant.TenantId);
        var registration = new ApiKeyRegistration(ApiKeyFormat.NewKeyId(), ApiKeyFormat.Hash(key), role, request.AgentId, request.Label?.Trim());
        var info = await tenant.Tenant<IApiKeyStoreGrain>().Register(registration, tenant.CancellationToken)
            ?? throw new InvalidOperationException("A freshly generated key id or key collided."); // 72 random bits: not expected.
        return TypedResults.Created($"/v1/api-keys/{info.Id}", IssuedApiKeyResponse.From(info, key));
    }

    private static Ok<CallerResponse> GetMe([AsParameters] TenantContext tenant) =>
        TypedResults.Ok(new CallerResponse(tenant.TenantId, tenant.Caller.KeyId, Roles.Name(tenant.Caller.Role), tenant.Caller.AgentId));

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ProblemHttpResult>> ListKeys(
        [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryRead(KeyCursor, limit, cursor, out var pageSize, out var after, out var problem))
        {
            return problem;
        }

        var keys = await tenant.Tenant<IApiKeyStoreGrain>().List(tenant.CancellationToken);
        var page = keys
            .OrderBy(k => k.Id, StringComparer.Ordinal)
            .Where(k => after is null || string.CompareOrdinal(k.Id, after) > 0)
            .Take(pageSize + 1)
            .ToList();
        var more = page.Count > pageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return TypedResults.Ok(new Page<ApiKeyResponse>(
            [.. page.Select(ApiKeyResponse.From)],
            more ? Paging.Encode(KeyCursor, page[^1].Id) : null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        string keyId, [AsParameters] TenantContext tenant, ApiKeyAuthenticator authenticator, LiveHub live)
    {
        var revoked = await tenant.Tenant<IApiKeyStoreGrain>().Revoke(keyId, tenant.CancellationToken);
        if (revoked is null)
        {
            return ApiProblems.NotFound($"API key '{keyId}' does not exist.");
        }

        authenticator.Forget(revoked.Hash);

        // Sockets on this host close at once; on other hosts at their next heartbeat's key check.
        await live.CloseKey(tenant.TenantId, keyId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StatusCodeList>> GetStatusCodes([AsParameters] TenantContext tenant) =>
        TypedResults.Ok(StatusCodeList.From(await tenant.Tenant<ITenantGrain>().GetStatusCodes(tenant.CancellationToken)));

    private static async Task<Ok<StatusCodeList>> PutStatusCodes(StatusCodeList request, [AsParameters] TenantContext tenant)
    {
        var items = request.ToItems();
        await tenant.Tenant<ITenantGrain>().SetStatusCodes(items, tenant.CancellationToken);
        return TypedResults.Ok(StatusCodeList.From(items));
    }

    private static async Task<Ok<TenantSettingsModel>> GetSettings([AsParameters] TenantContext tenant) =>
        TypedResults.Ok(TenantSettingsModel.From(await tenant.Tenant<ITenantGrain>().GetSettings(tenant.CancellationToken)));

    private static async Task<Ok<TenantSettingsModel>> PutSettings(TenantSettingsModel request, [AsParameters] TenantContext tenant)
    {
        var settings = request.ToSettings();
        await tenant.Tenant<ITenantGrain>().SetSettings(settings, tenant.CancellationToken);
        return TypedResults.Ok(TenantSettingsModel.From(settings));
    }

    private static async Task<Ok<TransactionCodeList>> GetTransactionCodes([AsParameters] TenantContext tenant) =>
        TypedResults.Ok(TransactionCodeList.From(await tenant.Tenant<ITenantGrain>().GetTransactionCodes(tenant.CancellationToken)));

    private static async Task<Ok<TransactionCodeList>> PutTransactionCodes(TransactionCodeList request, [AsParameters] TenantContext tenant)
    {
        var items = request.ToItems();
        await tenant.Tenant<ITenantGrain>().SetTransactionCodes(items, tenant.CancellationToken);
        return TypedResults.Ok(TransactionCodeList.From(items));
    }
}
