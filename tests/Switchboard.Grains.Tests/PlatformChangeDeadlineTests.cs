using Switchboard.Contracts;
using Switchboard.Contracts.PlatformChanges;
using Switchboard.Domain.Agents;
using Switchboard.Domain.PlatformChanges;

namespace Switchboard.Grains.Tests;

/// <summary>The logout deadline of a platform change on the fake business clock, across activations.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PlatformChangeDeadlineTests(ClusterFixture fixture)
{
    private static readonly TimeSpan LogoutTime = TimeSpan.FromMinutes(10);

    /// <summary>PlatformChangeGrain.RetryDelay: how soon a refused logout is asked again.</summary>
    private static readonly TimeSpan PlatformChangeGrainRetry = TimeSpan.FromSeconds(5);

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task The_deadline_logs_agents_out_after_the_change_was_deactivated()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        var change = client.GetGrain<IPlatformChangeGrain>(GrainKeys.PlatformChange(tenant, "pc1"));
        var sent = await change.Create(new NewPlatformNotice("Log out and in again", Final: true, "key1"));
        Assert.Equal(fixture.Time.GetUtcNow() + LogoutTime, sent.Notice!.LogoutDeadline);

        // The activation that scheduled the deadline is gone; only what it stored (and its reminder) remains.
        await fixture.DeactivateAllAsync(change);
        fixture.Time.Advance(LogoutTime + TimeSpan.FromSeconds(1));
        Assert.Equal(AgentState.Available, (await agent.StateOf()).State);

        await change.Get(); // what the reminder does on another silo: activate it
        var state = await Until(agent, s => s.State == AgentState.LoggedOut);

        Assert.Equal(SystemReasonCodes.PlatformChange, state.ReasonCode);
        var compliance = Assert.Single((await change.GetCompliance())!);
        Assert.Equal(new AgentComplianceView("a1", ComplianceStatus.LoggedOutBySystem, sent.Notice.LogoutDeadline!.Value + TimeSpan.FromSeconds(1)), compliance);
        Assert.True((await Until(change, v => v.Enforced)).Enforced);
    }

    [Fact]
    public async Task An_agent_holding_an_offer_at_the_deadline_is_logged_out_once_the_offer_is_gone()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.AvailableAgent(tenant, "a1");
        var change = client.GetGrain<IPlatformChangeGrain>(GrainKeys.PlatformChange(tenant, "pc1"));
        await change.Create(new NewPlatformNotice("Log out", Final: true, "key1"));

        // Offered a call a minute before the deadline (an offer older than AgentGrain.HeldOfferLimit would lapse by itself).
        fixture.Time.Advance(LogoutTime - TimeSpan.FromMinutes(1));
        Assert.Null(await agent.TryHoldOffer(new Contracts.Agents.OfferHold("i1", null, 5, fixture.Time.GetUtcNow(), Routed: false)));
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await change.CheckDeadline(); // the deadline's own attempt, done now so the test knows it has happened
        var view = await change.Get();
        Assert.False(view!.Enforced);
        Assert.Equal(ComplianceStatus.Pending, Assert.Single((await change.GetCompliance())!).Status);

        await agent.ReleaseOffer("i1");
        fixture.Time.Advance(PlatformChangeGrainRetry);
        var state = await Until(agent, s => s.State == AgentState.LoggedOut);

        Assert.Equal(SystemReasonCodes.PlatformChange, state.ReasonCode);
        Assert.True((await Until(change, v => v.Enforced)).Enforced);
    }

    [Fact]
    public async Task Notices_of_changes_in_progress_are_kept_for_consoles_until_an_hour_after_the_deadline()
    {
        var tenant = TestIds.Tenant();
        var index = client.GetGrain<IPlatformChangeIndexGrain>(tenant);
        var first = client.GetGrain<IPlatformChangeGrain>(GrainKeys.PlatformChange(tenant, "pc1"));
        var second = client.GetGrain<IPlatformChangeGrain>(GrainKeys.PlatformChange(tenant, "pc2"));
        await first.Create(new NewPlatformNotice("Tonight", Final: false, "key1"));
        await first.AddNotice(new NewPlatformNotice("Now", Final: true, "key1"));
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await second.Create(new NewPlatformNotice("Next week", Final: false, "key1"));

        Assert.Equal([("pc1", 1), ("pc1", 2), ("pc2", 1)], (await index.GetActiveNotices()).Select(n => (n.ChangeId, n.Number)));

        fixture.Time.Advance(LogoutTime + PlatformChangeRules.ShownAfterDeadline);

        Assert.Equal([("pc2", 1)], (await index.GetActiveNotices()).Select(n => (n.ChangeId, n.Number)));
        Assert.Equal(["pc2", "pc1"], (await index.ListBefore(null, 10)).Select(c => c.Id));
        Assert.Equal(PlatformChangeOutcome.AlreadyFinal, (await first.AddNotice(new NewPlatformNotice("More", Final: false, "key1"))).Outcome);
    }

    private static async Task<Contracts.Agents.AgentStateView> Until(Contracts.Agents.IAgentGrain agent, Func<Contracts.Agents.AgentStateView, bool> condition)
    {
        for (var i = 0; i < 1000; i++)
        {
            var state = await agent.StateOf();
            if (condition(state))
            {
                return state;
            }

            await Task.Delay(2); // the deadline runs in the change's own turn, after the call that caused it
        }

        Assert.Fail($"The agent never got there: {await agent.StateOf()}");
        return null!;
    }

    private static async Task<PlatformChangeView> Until(IPlatformChangeGrain change, Func<PlatformChangeView, bool> condition)
    {
        for (var i = 0; i < 1000; i++)
        {
            var view = (await change.Get())!;
            if (condition(view))
            {
                return view;
            }

            await Task.Delay(2);
        }

        Assert.Fail($"The change never got there: {await change.Get()}");
        return null!;
    }
}
