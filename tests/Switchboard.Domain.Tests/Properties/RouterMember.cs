using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>What a router last heard from a member. Mirrors <c>Switchboard.Grains.Routing.MemberAvailability</c>.</summary>
internal sealed record RouterMember(int SkillLevel, Readiness? Ready)
{
    public bool EligibleFor(MediaType media) => Ready is { } ready && ready.Media.Contains(media);
}

/// <summary>Mirrors <c>Switchboard.Contracts.Agents.RoutingReadiness</c>, the agents' notice to their queues.</summary>
internal sealed record Readiness(DateTimeOffset IdleSince, int Load, IReadOnlyList<MediaType> Media)
{
    /// <summary>Mirrors <c>AgentGrain.Same</c>.</summary>
    public static bool Same(Readiness? a, Readiness? b) =>
        a is null || b is null ? a is null && b is null : a.IdleSince == b.IdleSince && a.Load == b.Load && a.Media.SequenceEqual(b.Media);

    public override string ToString() => $"{IdleSince:T}/load {Load}/{string.Join("+", Media)}";
}
