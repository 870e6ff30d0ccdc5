using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Routing;

/// <summary>
/// The queue's members and whether each can take work now: read from the queue grain and the agents, then kept up to
/// date by the agents' one-way notices.
/// </summary>
public sealed partial class QueueRouterGrain
{
    private readonly Dictionary<string, MemberAvailability> members = new(StringComparer.Ordinal);

    /// <summary>Members whose availability has not been asked yet (loaded during activation).</summary>
    private readonly HashSet<string> statusesUnknown = new(StringComparer.Ordinal);

    public Task MemberReady(string agentId, RoutingReadiness readiness)
    {
        if (members.TryGetValue(agentId, out var member) && member.IsNewer(readiness.Version))
        {
            members[agentId] = member.Told(readiness, readiness.Unroutable, readiness.Version);
            SelfDispatch();
            StatsChanged();
        }

        return Task.CompletedTask;
    }

    public Task MemberNotReady(string agentId, NoticeVersion version, IReadOnlyDictionary<MediaType, SkipReason>? unroutable = null)
    {
        if (members.TryGetValue(agentId, out var member) && member.IsNewer(version))
        {
            members[agentId] = member.Told(null, unroutable, version);
            StatsChanged();
        }

        return Task.CompletedTask;
    }

    public Task MemberStateChanged(string agentId)
    {
        if (members.ContainsKey(agentId))
        {
            StatsChanged();
        }

        return Task.CompletedTask;
    }

    public async Task SettingsChanged()
    {
        await LoadSettings(askAgents: true, CancellationToken.None);
        SelfDispatch();
    }

    /// <summary>Reads settings and members; with <paramref name="askAgents"/>, also whether members not yet heard from can take work.</summary>
    private async Task LoadSettings(bool askAgents, CancellationToken cancellationToken)
    {
        var queue = GrainFactory.GetGrain<IQueueGrain>(this.GetPrimaryKeyString());
        config = (await queue.Get(cancellationToken))?.Config;
        var current = await queue.GetMembers(cancellationToken) ?? [];
        foreach (var gone in members.Keys.Except(current.Select(m => m.AgentId)).ToList())
        {
            members.Remove(gone);
        }

        var unknown = new List<string>();
        foreach (var member in current)
        {
            if (members.TryGetValue(member.AgentId, out var known))
            {
                members[member.AgentId] = known with { SkillLevel = member.SkillLevel };
            }
            else
            {
                members[member.AgentId] = new MemberAvailability(member.SkillLevel, null);
                unknown.Add(member.AgentId);
            }
        }

        if (!askAgents)
        {
            statusesUnknown.UnionWith(unknown);
            return;
        }

        // New members tell us whether they can take work now; after that they send notices themselves.
        unknown.AddRange(statusesUnknown.Where(id => members.ContainsKey(id) && !unknown.Contains(id)));
        statusesUnknown.Clear();
        var statuses = await Task.WhenAll(unknown.Select(id => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, id)).GetRoutingReadiness(cancellationToken)));
        for (var i = 0; i < unknown.Count; i++)
        {
            if (statuses[i] is { } readiness && members[unknown[i]].IsNewer(readiness.Version))
            {
                members[unknown[i]] = members[unknown[i]].Told(readiness, readiness.Unroutable, readiness.Version);
            }
        }
    }
}
