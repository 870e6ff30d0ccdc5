using Switchboard.Contracts.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Routing;

/// <summary>What the router last heard from a member: in memory only, corrected by every refused offer and every notice.</summary>
internal sealed record MemberAvailability(int SkillLevel, RoutingReadiness? Readiness)
{
    /// <summary>Whether the member may be offered work of <paramref name="media"/>, as far as the router knows.</summary>
    public bool EligibleFor(MediaType media) => Readiness is { } ready && ready.Media.Contains(media);
}
