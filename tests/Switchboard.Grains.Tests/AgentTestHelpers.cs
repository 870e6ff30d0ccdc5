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
        new(target, code, StateActor.Agent, actorId, null, expectedVersion is { } version ? [version] : null);

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

    /// <summary>
    /// Makes <paramref name="count"/> changes after the first <paramref name="done"/> ones, Available then Offline and so
    /// on, one clock second apart, checking each is applied; returns their times.
    /// </summary>
    public static async Task<List<DateTimeOffset>> Alternate(this IAgentGrain agent, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, int done, int count)
    {
        var times = new List<DateTimeOffset>(count);
        for (var i = done; i < done + count; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            times.Add(time.GetUtcNow());
            var result = await agent.ChangeState(Request(AlternateTarget(i), expectedVersion: i));
            Assert.Equal(StateChangeOutcome.Applied, result.Outcome);
            Assert.Equal(i + 1, result.State!.Version);
        }

        return times;
    }

    /// <summary>The state change number <paramref name="i"/> (from 0) of <see cref="Alternate"/> moves to.</summary>
    public static AgentState AlternateTarget(int i) => i % 2 == 0 ? AgentState.Available : AgentState.Offline;
}
