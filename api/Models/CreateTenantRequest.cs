namespace Switchboard.Api.Models;

/// <summary>A new tenant.</summary>
/// <param name="Id">1-40 of lower-case letters, digits and '-'.</param>
/// <param name="Name">The tenant's display name.</param>
public sealed record CreateTenantRequest(string? Id, string? Name);
