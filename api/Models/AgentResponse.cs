using Switchboard.Contracts.Agents;

namespace Switchboard.Api.Models;

public sealed record AgentResponse(string Id, string DisplayName, string? Group, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AgentResponse From(AgentRecord record) =>
        new(record.Profile.Id, record.Profile.DisplayName, record.Profile.Group, record.CreatedAt, record.UpdatedAt);
}
