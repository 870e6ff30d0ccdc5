using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Agents;

/// <summary>What consoles hear of the agent: its live events, published once a change is stored.</summary>
public sealed partial class AgentGrain
{
    /// <summary>Tells consoles (agent and directory topics) of a stored change of state or profile.</summary>
    private Task PublishChange(AgentProfile? before)
    {
        var s = state.State;
        var profile = s.Profile ?? before;
        var entry = s.RecentHistory.Count > 0 && s.RecentHistory[^1].Sequence == s.Version ? s.RecentHistory[^1] : null;
        var change = new AgentChanged(agentId, profile?.DisplayName ?? agentId, profile?.Group, s.ToStatus().ToView(), CurrentWorkMedia(s), !s.Exists, time.GetUtcNow(),
            entry?.Actor, entry?.ActorId, entry?.Reason,
            before is not null && s.Profile is not null && before != s.Profile, before?.Group,
            s.ActiveMedia(), profile is null ? null : profile.Capacity.ToDomain().ToWire());
        return this.PublishLive(LiveStreams.Agents, tenantId, change, logger);
    }
}
