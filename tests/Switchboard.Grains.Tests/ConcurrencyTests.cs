using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConcurrencyTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task Parallel_changes_each_get_their_own_version_and_audit_entry()
    {
        const int Calls = 50;
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");

        var results = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i =>
            agent.ChangeState(AgentTestHelpers.Request(i % 2 == 0 ? AgentState.Available : AgentState.Offline))));

        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { StateChangeOutcome.Applied, StateChangeOutcome.Unchanged }));
        var applied = results.Where(r => r.Outcome != StateChangeOutcome.Unchanged).ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(Enumerable.Range(1, applied.Count).Select(i => (long)i), applied.Select(r => r.State!.Version).Order());

        var state = await agent.GetState();
        Assert.Equal(applied.Count, state!.Version);

        var history = await agent.ReadAllHistory(1000);
        Assert.Equal(Enumerable.Range(1, applied.Count).Reverse().Select(i => (long)i), history.Select(e => e.Sequence));
        // Each entry starts where the previous one ended.
        Assert.Equal(AgentState.LoggedOut, history[^1].From);
        for (var i = 0; i < history.Count - 1; i++)
        {
            Assert.Equal(history[i + 1].To, history[i].From);
        }

        Assert.Equal(state.State, history[0].To);
    }

    [Fact]
    public async Task Of_parallel_changes_expecting_the_same_version_exactly_one_applies()
    {
        const int Calls = 20;
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");

        var results = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i =>
            agent.ChangeState(AgentTestHelpers.Request(i % 2 == 0 ? AgentState.Available : AgentState.Offline, expectedVersion: 0))));

        Assert.Single(results, r => r.Outcome == StateChangeOutcome.Applied);
        Assert.Equal(Calls - 1, results.Count(r => r.Outcome == StateChangeOutcome.PreconditionFailed));
        Assert.All(results.Where(r => r.Outcome == StateChangeOutcome.PreconditionFailed), r => Assert.Equal(1, r.State!.Version));

        var winner = results.Single(r => r.Outcome == StateChangeOutcome.Applied).State!;
        Assert.Equal(winner, await agent.GetState());
        Assert.Equal(1, winner.Version);
        Assert.Equal([1L], (await agent.ReadAllHistory(10)).Select(e => e.Sequence));
    }
}
