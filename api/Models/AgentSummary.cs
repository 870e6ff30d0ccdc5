using Switchboard.Contracts.Agents;

namespace Switchboard.Api.Models;

public sealed record AgentSummary(string Id, string DisplayName, string? Group)
{
    public static AgentSummary From(AgentProfile profile) => new(profile.Id, profile.DisplayName, profile.Group);
}
