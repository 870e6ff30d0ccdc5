using System.ComponentModel.DataAnnotations;
using Switchboard.Api.Auth;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Tenancy;

/// <summary>A new tenant.</summary>
/// <param name="Id">1-40 of lower-case letters, digits and '-'.</param>
/// <param name="Name">The tenant's display name.</param>
[WireExample("""{"id":"acme","name":"Acme Insurance"}""")]
public sealed record CreateTenantRequest([property: Required] string? Id, [property: Required] string? Name) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.Check(Identifiers.IsValidTenantId(Id), "id",
            $"id is required: 1-{Identifiers.MaxTenantIdLength} of lower-case letters, digits and '-', starting with a letter or digit.");
        errors.Check(Identifiers.IsValidText(Name), "name",
            $"name is required: 1-{Identifiers.MaxLabelLength} characters, without control characters.");
    }
}

/// <summary>A created tenant with its first admin key (shown this once).</summary>
public sealed record TenantResponse(string Id, string Name, DateTimeOffset CreatedAt, IssuedApiKeyResponse AdminKey);

/// <summary>A tenant as the operator reads it: never a key.</summary>
[WireExample("""{"id":"acme","name":"Acme Insurance","createdAt":"2026-11-25T09:00:00+00:00"}""")]
public sealed record TenantInfoResponse(string Id, string Name, DateTimeOffset CreatedAt)
{
    public static TenantInfoResponse From(TenantInfo info) => new(info.Id, info.Name, info.CreatedAt);
}

/// <summary>A new API key.</summary>
/// <param name="Role">admin, supervisor, agent or integration.</param>
/// <param name="AgentId">The agent an <c>agent</c> key acts as (required for that role only).</param>
/// <param name="Label">A note for admins, e.g. which CRM uses the key.</param>
[WireExample("""{"role":"agent","agentId":"a1","label":"Ada's console"}""")]
public sealed record CreateApiKeyRequest([property: Required, WireEnum(typeof(ApiKeyRole))] string? Role, string? AgentId, string? Label)
    : IValidatedRequest
{
    private const int MaxLabelLength = 100;

    /// <summary>The role asked for; read once <see cref="Validate"/> has passed.</summary>
    internal ApiKeyRole KeyRole => Roles.TryParse(Role, out var role) ? role : throw new InvalidOperationException("Validate first.");

    public void Validate(ValidationErrors errors)
    {
        if (errors.Check(Roles.TryParse(Role, out var role), "role", "role is required: admin, supervisor, agent or integration."))
        {
            if (role == ApiKeyRole.Agent)
            {
                errors.Check(Identifiers.IsValidId(AgentId), "agentId", "agentId is required for an agent key and must be a valid agent id.");
            }
            else
            {
                errors.Check(AgentId is null, "agentId", "agentId is only for agent keys.");
            }
        }

        if (Label is not null)
        {
            errors.Check(Identifiers.IsValidText(Label, MaxLabelLength), "label",
                $"label must be 1-{MaxLabelLength} characters, without control characters.");
        }
    }
}

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

/// <summary>A tenant's general settings.</summary>
/// <param name="TimeZone">The IANA time zone (e.g. Europe/Rome) its days and report periods are counted in.</param>
[WireExample("""{"timeZone":"Europe/Rome"}""")]
public sealed record TenantSettingsModel([property: Required] string? TimeZone) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) =>
        errors.Check(TimeZones.Find(TimeZone) is not null, "timeZone",
            $"timeZone is required: an IANA time zone id such as Europe/Rome or UTC (at most {TimeZones.MaxIdLength} characters).");

    /// <summary>The settings to store; read once <see cref="Validate"/> has passed.</summary>
    internal TenantSettings ToSettings() => new(TimeZones.Find(TimeZone)!.Id);

    public static TenantSettingsModel From(TenantSettings settings) => new(settings.TimeZone);
}

/// <summary>The key a request came with.</summary>
/// <param name="TenantId">Its tenant.</param>
/// <param name="KeyId">Its id (as listed in /v1/api-keys).</param>
/// <param name="Role">admin, supervisor, agent or integration.</param>
/// <param name="AgentId">The agent an agent key belongs to; null for the other roles.</param>
[WireExample("""{"tenantId":"acme","keyId":"key_3q2-7wAbCdEf","role":"agent","agentId":"a1"}""")]
public sealed record CallerResponse(string TenantId, string KeyId, string Role, string? AgentId);
