namespace Switchboard.Api.Models;

/// <summary>Fields to change; omitted or null fields stay, an empty <c>group</c> removes the group.</summary>
public sealed record UpdateAgentRequest(string? DisplayName, string? Group);
