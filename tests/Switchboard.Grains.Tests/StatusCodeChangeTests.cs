using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Silos reuse a tenant's status codes for a short while instead of reading them on every state change; a change of
/// the codes counts from its acknowledgement, on every silo: never a removed code accepted, or a new one refused, after it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StatusCodeChangeTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_removed_code_is_refused_and_a_new_one_accepted_as_soon_as_the_change_is_acknowledged()
    {
        var tenant = TestIds.Tenant();
        var codes = client.GetGrain<ITenantGrain>(tenant);
        await codes.SetStatusCodes([new StatusCodeItem("lunch", "Lunch", [AgentState.Break])]);

        // Agents on both silos of the cluster read (and so keep) the codes as they were.
        var agents = new List<IAgentGrain>();
        for (var i = 0; i < 8; i++)
        {
            var agent = await client.CreateAgent(tenant, $"a{i}");
            Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch"))).Outcome);
            Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available))).Outcome);
            agents.Add(agent);
        }

        await codes.SetStatusCodes([new StatusCodeItem("training", "Training", [AgentState.Break])]);

        foreach (var agent in agents)
        {
            var removed = await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "lunch"));
            Assert.Equal(StateChangeOutcome.ReasonCodeInvalid, removed.Outcome);
            Assert.Equal(AgentState.Available, removed.State!.State);
            Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Break, "training"))).Outcome);
        }
    }
}
