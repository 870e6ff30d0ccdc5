using Switchboard.Api.Auth;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Tenancy;

/// <summary>A new tenant.</summary>
/// <param name="Id">1-40 of lower-case letters, digits and '-'.</param>
/// <param name="Name">The tenant's display name.</param>
[WireExample("""{"id":"acme","name":"Acme Insurance"}""")]
public sealed record CreateTenantRequest(string? Id, string? Name);

/// <summary>A created tenant with its first admin key (shown this once).</summary>
public sealed record TenantResponse(string Id, string Name, DateTimeOffset CreatedAt, IssuedApiKeyResponse AdminKey);

/// <summary>A new API key.</summary>
/// <param name="Role">admin, supervisor, agent or integration.</param>
/// <param name="AgentId">The agent an <c>agent</c> key acts as (required for that role only).</param>
/// <param name="Label">A note for admins, e.g. which CRM uses the key.</param>
[WireExample("""{"role":"agent","agentId":"a1","label":"Ada's console"}""")]
public sealed record CreateApiKeyRequest(string? Role, string? AgentId, string? Label);

/// <summary>A new key. <c>key</c> is shown this once; only its hash is stored.</summary>
[WireExample("""{"id":"key_3q2-7wAbCdEf","key":"sb.acme.Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5","role":"agent","agentId":"a1","label":"Ada's console","createdAt":"2026-11-25T09:00:00+00:00"}""")]
public sealed record IssuedApiKeyResponse(string Id, string Key, string Role, string? AgentId, string? Label, DateTimeOffset CreatedAt)
{
    public static IssuedApiKeyResponse From(ApiKeyInfo info, string key) =>
        new(info.Id, key, Roles.Name(info.Role), info.AgentId, info.Label, info.CreatedAt);
}

/// <summary>An API key as listed: never the key itself.</summary>
[WireExample("""{"id":"key_3q2-7wAbCdEf","role":"agent","agentId":"a1","label":"Ada's console","createdAt":"2026-11-25T09:00:00+00:00","revokedAt":null}""")]
public sealed record ApiKeyResponse(string Id, string Role, string? AgentId, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKeyInfo info) =>
        new(info.Id, Roles.Name(info.Role), info.AgentId, info.Label, info.CreatedAt, info.RevokedAt);
}

/// <summary>All of a tenant's status codes; PUT replaces the whole list.</summary>
[WireExample("""{"items":[{"code":"lunch","label":"Lunch","states":["Break"]},{"code":"training","label":"Training","states":["Break","Offline"]}]}""")]
public sealed record StatusCodeList(IReadOnlyList<StatusCodeModel>? Items);

/// <summary>A status (reason) code.</summary>
/// <param name="Code">1-64 of lower-case letters, digits, '.', '_' and '-'.</param>
/// <param name="Label">What the console shows.</param>
/// <param name="States">The states it can be used with; each of them then requires a code.</param>
public sealed record StatusCodeModel(string? Code, string? Label, IReadOnlyList<string>? States);

/// <summary>All of a tenant's transaction codes (dispositions); PUT replaces the whole list.</summary>
[WireExample("""{"items":[{"code":"sale","label":"Sale"},{"code":"no-sale","label":"No sale"}]}""")]
public sealed record TransactionCodeList(IReadOnlyList<TransactionCodeModel>? Items);

/// <summary>A transaction code (disposition).</summary>
public sealed record TransactionCodeModel(string? Code, string? Label);
