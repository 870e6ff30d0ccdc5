using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Api.Live;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;
using Switchboard.Api.Middleware;

namespace Switchboard.Api.Tenancy;

/// <summary><c>/v1/api-keys</c>: a tenant admin issues, lists and revokes keys.</summary>
public static class ApiKeyEndpoints
{
    private const int MaxLabelLength = 100;
    private const string CursorKind = "key";

    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin);

        group.MapPost("/", CreateKey)
            .WithName("CreateApiKey")
            .WithSummary("Issue an API key")
            .WithDescription("Returns the key once; only its hash is stored. An agent key is bound to one existing agent. " +
                "Retried with the same Idempotency-Key, it answers 409 with the key's Location instead of the key.")
            .WithMetadata(new ShowsSecretOnce())
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListKeys)
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("The tenant's keys ordered by id, revoked ones included, without the keys themselves; a page at a time.")
            .ProducesStandardProblems();

        group.MapDelete("/{keyId}", RevokeKey)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key stops working at once on this API host, and within Auth:KeyCacheSeconds on others.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Created<IssuedApiKeyResponse>, ProblemHttpResult>> CreateKey(
        CreateApiKeyRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        var roleOk = errors.Check(Roles.TryParse(request.Role, out var role), "role", "role is required: admin, supervisor, agent or integration.");
        if (roleOk && role == ApiKeyRole.Agent)
        {
            errors.Check(Identifiers.IsValidId(request.AgentId), "agentId", "agentId is required for an agent key and must be a valid agent id.");
        }
        else if (roleOk)
        {
            errors.Check(request.AgentId is null, "agentId", "agentId is only for agent keys.");
        }

        if (request.Label is not null)
        {
            errors.Check(Identifiers.IsValidText(request.Label, MaxLabelLength), "label",
                $"label must be 1-{MaxLabelLength} characters, without control characters.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        if (role == ApiKeyRole.Agent && await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, request.AgentId!)).Get(cancellationToken) is null)
        {
            errors.Add("agentId", $"Agent '{request.AgentId}' does not exist.");
            return ApiProblems.Invalid(errors);
        }

        var key = ApiKeyFormat.Generate(caller.TenantId);
        var registration = new ApiKeyRegistration(ApiKeyFormat.NewKeyId(), ApiKeyFormat.Hash(key), role, request.AgentId, request.Label?.Trim());
        var info = await grains.GetGrain<IApiKeyStoreGrain>(caller.TenantId).Register(registration, cancellationToken)
            ?? throw new InvalidOperationException("A freshly generated key id or key collided."); // 72 random bits: not expected.
        return TypedResults.Created($"/v1/api-keys/{info.Id}", IssuedApiKeyResponse.From(info, key));
    }

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ProblemHttpResult>> ListKeys(
        HttpContext http, IGrainFactory grains, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!Paging.TryRead(CursorKind, limit, cursor, errors, out var pageSize, out var after))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var keys = await grains.GetGrain<IApiKeyStoreGrain>(http.User.GetCaller().TenantId).List(cancellationToken);
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
            more ? Paging.Encode(CursorKind, page[^1].Id) : null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        string keyId, HttpContext http, IGrainFactory grains, ApiKeyAuthenticator authenticator, LiveHub live, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValidId(keyId))
        {
            return ApiProblems.BadRequest($"'{RouteIds.Printable(keyId)}' is not a valid key id.");
        }

        var revoked = await grains.GetGrain<IApiKeyStoreGrain>(http.User.GetCaller().TenantId).Revoke(keyId, cancellationToken);
        if (revoked is null)
        {
            return ApiProblems.NotFound($"API key '{keyId}' does not exist.");
        }

        authenticator.Forget(revoked.Hash);

        // Sockets on this host close at once; on other hosts at their next heartbeat's key check.
        await live.CloseKey(http.User.GetCaller().TenantId, keyId);
        return TypedResults.NoContent();
    }
}
