using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Agent-to-agent work when storage fails: nobody is offered a chat whose first message could not be stored, and an
/// interaction that could not be stored leaves neither agent holding it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InternalWorkTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_chat_whose_first_message_cannot_be_stored_ends_and_frees_both_agents()
    {
        var tenant = TestIds.Tenant();
        await Colleagues(tenant);
        var chat = client.Interaction(tenant, "n1");
        using (var fault = fixture.Faults.FailWrites(GrainKeys.TranscriptPage(tenant, "n1", 0), "transcript"))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => chat.Create(Internal(MediaType.Chat, "Ciao, mi aiuti?")));
            Assert.True(fault.Injected > 0);
        }

        var view = await chat.Get();
        Assert.Equal(InteractionState.Failed, view!.State);
        Assert.Contains(view.Timeline, e => e.Type == "failed");
        Assert.Null(view.Offer);
        await AssertFree(tenant, "a1");
        await AssertFree(tenant, "a2");
    }

    [Fact]
    public async Task Work_that_cannot_be_stored_leaves_neither_agent_holding_it()
    {
        var tenant = TestIds.Tenant();
        await Colleagues(tenant);
        using (fixture.Faults.FailWrites(GrainKeys.Interaction(tenant, "n2"), "interaction", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => client.Interaction(tenant, "n2").Create(Internal(MediaType.Voice, null)));
        }

        Assert.Null(await client.Interaction(tenant, "n2").Get());
        await AssertFree(tenant, "a1");
        await AssertFree(tenant, "a2");
    }

    private static CreateInteraction Internal(MediaType media, string? text) =>
        new(media, InteractionDirection.Internal, null, "a2", "a1", "a2", 5, "agent:a1", FirstMessage: text);

    private async Task Colleagues(string tenant)
    {
        foreach (var agentId in new[] { "a1", "a2" })
        {
            var agent = await client.CreateAgent(tenant, agentId);
            Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Available, actorId: agentId))).Outcome);
        }
    }

    /// <summary>The agent holds no offer and no work: Available, and a state change goes through (a held offer refuses one).</summary>
    private async Task AssertFree(string tenant, string agentId)
    {
        var agent = client.Agent(tenant, agentId);
        Assert.Empty(await agent.GetCurrentWork());
        Assert.Equal(AgentState.Available, (await agent.GetState())!.State);
        Assert.Equal(StateChangeOutcome.Applied, (await agent.ChangeState(AgentTestHelpers.Request(AgentState.Offline, actorId: agentId))).Outcome);
    }
}
