using Switchboard.Contracts.Queues;

namespace Switchboard.Api.Models;

/// <summary>An agent in a queue, with its skill level there.</summary>
public sealed record QueueMemberResponse(string AgentId, int SkillLevel)
{
    public static QueueMemberResponse From(QueueMember member) => new(member.AgentId, member.SkillLevel);
}
