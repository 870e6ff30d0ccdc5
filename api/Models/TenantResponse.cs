namespace Switchboard.Api.Models;

/// <summary>A created tenant with its first admin key (shown this once).</summary>
public sealed record TenantResponse(string Id, string Name, DateTimeOffset CreatedAt, IssuedApiKeyResponse AdminKey);
