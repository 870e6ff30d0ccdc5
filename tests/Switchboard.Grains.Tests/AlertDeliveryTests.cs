using Switchboard.Contracts;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;

namespace Switchboard.Grains.Tests;

/// <summary>Broadcast delivery: a failure part-way is made good, inbox adds are idempotent, inboxes stay bounded.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertDeliveryTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_inbox_that_failed_gets_the_broadcast_when_the_broadcast_is_next_activated_and_no_inbox_gets_it_twice()
    {
        var tenant = TestIds.Tenant();
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            await client.CreateAgent(tenant, id);
        }

        var broadcast = client.GetGrain<IBroadcastGrain>(GrainKeys.Broadcast(tenant, "b1"));
        SendBroadcastResult sent;
        using (var fault = fixture.Faults.FailWrites(GrainKeys.AlertInbox(tenant, "a2"), "inbox", count: 1))
        {
            sent = await broadcast.Send(new SendBroadcast("Hello", new AlertAudience(true, null, null), "key1", null));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(SendBroadcastOutcome.Sent, sent.Outcome);
        Assert.Equal(["a1", "a2", "a3"], sent.Broadcast!.Recipients.Select(r => r.AgentId));
        Assert.Equal([true, false, true], sent.Broadcast.Recipients.Select(r => r.Delivered));
        Assert.Empty(await Inbox(tenant, "a2").GetCurrent());

        await fixture.DeactivateAllAsync(broadcast);
        var view = await broadcast.Get();

        Assert.All(view!.Recipients, r => Assert.True(r.Delivered, r.AgentId));
        Assert.Equal(3, view.Summary.DeliveredCount);
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            Assert.Equal(["b1"], (await Inbox(tenant, id).GetCurrent()).Select(a => a.Alert.Id));
        }
    }

    [Fact]
    public async Task Sending_again_under_the_same_id_sends_nothing_new()
    {
        var tenant = TestIds.Tenant();
        await client.CreateAgent(tenant, "a1", group: "sales");
        await client.CreateAgent(tenant, "a2");
        var broadcast = client.GetGrain<IBroadcastGrain>(GrainKeys.Broadcast(tenant, "b1"));
        await broadcast.Send(new SendBroadcast("Hello", new AlertAudience(false, "sales", null), "key1", null));

        var again = await broadcast.Send(new SendBroadcast("Other", new AlertAudience(true, null, null), "key1", null));

        Assert.Equal(SendBroadcastOutcome.AlreadyExists, again.Outcome);
        Assert.Equal("Hello", again.Broadcast!.Summary.Alert.Text);
        Assert.Equal(["a1"], again.Broadcast.Recipients.Select(r => r.AgentId));
        Assert.Empty(await Inbox(tenant, "a2").GetCurrent());
    }

    [Fact]
    public async Task An_inbox_keeps_the_newest_alerts_and_adds_each_once()
    {
        var tenant = TestIds.Tenant();
        var inbox = Inbox(tenant, "a1");
        var start = fixture.Time.GetUtcNow();
        for (var i = 0; i < Domain.Alerts.BroadcastRules.InboxSize + 5; i++)
        {
            await inbox.Add(new AlertView($"b{i:D3}", "x", new AlertAudience(true, null, null), "k", start.AddSeconds(i), null));
        }

        await inbox.Add(new AlertView("b204", "changed", new AlertAudience(true, null, null), "k", start.AddSeconds(204), null));
        var alerts = await inbox.GetCurrent();

        Assert.Equal(Domain.Alerts.BroadcastRules.InboxSize, alerts.Count);
        Assert.Equal("b204", alerts[0].Alert.Id);
        Assert.Equal("x", alerts[0].Alert.Text);
        Assert.Equal("b005", alerts[^1].Alert.Id);
    }

    private IAlertInboxGrain Inbox(string tenant, string agentId) => client.GetGrain<IAlertInboxGrain>(GrainKeys.AlertInbox(tenant, agentId));
}
