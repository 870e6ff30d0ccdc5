using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Grains.Live;

namespace Switchboard.Api.Tests;

/// <summary>
/// Interaction events pushed by the silos reach the sockets without waiting for their stream; the stream's copy of a
/// pushed event is dropped, and so is an older change of an interaction that reaches a console after a newer one.
/// </summary>
public sealed class LivePushTests(SwitchboardApiFactory factory)
{
    private IClusterClient Cluster => factory.Services.GetRequiredService<IClusterClient>();

    [Fact]
    public async Task An_event_the_silo_pushes_reaches_the_agents_socket_without_its_stream()
    {
        var (tenant, view) = await QueuedCallAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await live.SubscribeAsync("interactions:a1");
        await live.NextOfTypeAsync("subscribed");

        // The host tells the cluster it follows the tenant once a socket needs it; the silo reads that, then pushes.
        var receiver = factory.Services.GetRequiredService<LivePushReceiver>();
        var registry = Cluster.GetGrain<ILiveHostRegistryGrain>(LiveHostRegistration.RegistryKey);
        while (true)
        {
            var next = receiver.NextRegistration;
            if ((await registry.GetHosts()).Any(h => h.TenantIds.Contains(tenant.Id)))
            {
                break;
            }

            await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }

        var push = factory.Services.GetRequiredService<LiveHostPush>();
        await push.Refresh();
        push.Push(new object(), tenant.Id, Change(view, 7, offeredTo: "a1", "a1")); // never put on the stream

        var offered = await live.NextOfTypeAsync(LiveEventTypes.InteractionOffered, "interactions:a1");
        Assert.Equal(view.Id, offered["data"]!.Text("id"));
    }

    [Fact]
    public async Task A_pushed_event_is_not_sent_again_by_its_stream_nor_overtaken_by_an_older_change()
    {
        var (tenant, view) = await QueuedCallAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await live.SubscribeAsync("interactions:a1", "interactions:a2");
        await live.NextOfTypeAsync("subscribed");
        var stream = Cluster.GetStreamProvider(StreamNames.Provider)
            .GetStream<LiveEvent<InteractionLiveEvent>>(StreamId.Create(LiveStreams.Interactions, tenant.Id));
        var receiver = factory.Services.GetRequiredService<LivePushReceiver>();

        // Change 5 offers the call to a1, pushed; its stream copy follows. Change 4 (a1 and a2) comes late, by the stream.
        var fifth = Change(view, 5, offeredTo: "a1", "a1");
        await receiver.OnInteractionEvent(tenant.Id, fifth);
        await stream.OnNextAsync(fifth);
        await stream.OnNextAsync(Change(view, 4, offeredTo: null, "a1", "a2"));
        await stream.OnNextAsync(Change(view, 6, offeredTo: null, "a1"));

        // One stream's events arrive in order: once change 6 is here, anything before it would be.
        await live.NextAsync(m => m.Text("topic") == "interactions:a1" && m.Text("type") == LiveEventTypes.InteractionUpdated, "change 6 for a1");
        Assert.Equal(
            [("interactions:a1", LiveEventTypes.InteractionOffered), ("interactions:a2", LiveEventTypes.InteractionUpdated), ("interactions:a1", LiveEventTypes.InteractionUpdated)],
            live.Received.Where(m => m.Text("type").StartsWith("interaction.", StringComparison.Ordinal)).Select(m => (m.Text("topic"), m.Text("type"))));
    }

    /// <summary>A tenant whose call waits in queue "support" (agents a1 and a2 are logged out), and the call as the cluster has it.</summary>
    private async Task<(TestTenant Tenant, InteractionView View)> QueuedCallAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("support");
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        using var admin = tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        var view = await Cluster.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenant.Id, id)).Get();
        return (tenant, view!);
    }

    private LiveEvent<InteractionLiveEvent> Change(InteractionView view, long sequence, string? offeredTo, params string[] agents) =>
        new(Guid.NewGuid(), new InteractionChanged(view, agents, offeredTo, factory.Clock.GetUtcNow(), view.State, sequence));
}
