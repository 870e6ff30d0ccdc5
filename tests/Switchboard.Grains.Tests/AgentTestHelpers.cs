using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>Shortcuts for talking to agent grains from tests.</summary>
internal static class AgentTestHelpers
{
    public static IAgentGrain Agent(this IGrainFactory grains, string tenantId, string agentId) =>
        grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId));

    public static StateChangeRequest Request(AgentState target, string? code = null, long? expectedVersion = null, string actorId = "a1") =>
        new(target, code, StateActor.Agent, actorId, null, expectedVersion);

    /// <summary>Creates an agent and checks that it was new.</summary>
    public static async Task<IAgentGrain> CreateAgent(this IGrainFactory grains, string tenantId, string agentId, string? group = null)
    {
        var agent = grains.Agent(tenantId, agentId);
        var result = await agent.Create(new AgentProfile(agentId, "Agent " + agentId, group));
        Assert.Equal(CreateAgentOutcome.Created, result.Outcome);
        return agent;
    }

    /// <summary>Reads the whole audit trail, newest first, in pages of <paramref name="limit"/>.</summary>
    public static async Task<List<StateHistoryEntry>> ReadAllHistory(this IAgentGrain agent, int limit)
    {
        var all = new List<StateHistoryEntry>();
        long? before = null;
        do
        {
            var page = await agent.GetHistory(before, limit);
            Assert.NotNull(page);
            Assert.True(page.Items.Count <= limit);
            all.AddRange(page.Items);
            before = page.NextBefore;
        }
        while (before is not null);

        return all;
    }
}
