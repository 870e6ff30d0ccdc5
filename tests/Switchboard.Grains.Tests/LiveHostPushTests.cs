using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Contracts.Live;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Interaction events are pushed to the API hosts registered for their tenant, at once, beside their stream; a host
/// that left or was not renewed is pushed to no more, and one that just joined is not pushed a busy grain's events.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveHostPushTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private ILiveHostRegistryGrain Registry => client.GetGrain<ILiveHostRegistryGrain>(LiveHostRegistration.RegistryKey);

    [Fact]
    public async Task An_offer_is_pushed_with_every_change_before_it_to_the_host_following_its_tenant_and_to_no_other()
    {
        var tenant = TestIds.Tenant();
        var following = new RecordingHost();
        var elsewhere = new RecordingHost();
        var followingRef = client.CreateObjectReference<ILiveHost>(following);
        var elsewhereRef = client.CreateObjectReference<ILiveHost>(elsewhere);
        var followingId = Guid.NewGuid();
        var elsewhereId = Guid.NewGuid();
        try
        {
            await Registry.Register(new LiveHostRegistration(followingId, followingRef, [tenant]));
            await Registry.Register(new LiveHostRegistration(elsewhereId, elsewhereRef, [TestIds.Tenant()]));
            await RefreshEverySilo();

            await client.AvailableAgent(tenant, "a1");
            await client.CreateQueue(tenant, "q1", RoutingTestHelpers.Queue(), ("a1", 1));
            var call = await client.InboundCall(tenant, "c1", "q1");
            await call.OfferedTo("a1");

            // Each change once (pushes are one-way messages: across silos two may arrive in either order).
            var changes = new List<InteractionChanged>();
            while (!changes.Exists(c => c.OfferedTo == "a1") || !changes.Select(c => c.Sequence).Order().SequenceEqual(Enumerable.Range(1, changes.Count).Select(i => (long)i)))
            {
                var (tenantId, pushed) = await following.Next();
                Assert.Equal(tenant, tenantId);
                changes.Add(Assert.IsType<InteractionChanged>(pushed.Item));
            }

            Assert.All(changes, c => Assert.Equal("c1", c.Interaction.Id));
            changes = [.. changes.OrderBy(c => c.Sequence)];
            Assert.Equal(["a1"], changes[^1].AgentIds);

            // Pushed after the offer, to the same host: nothing of this tenant went to the other one before it.
            await call.Act(Contracts.Interactions.InteractionActionKind.Accept, "a1");
            Assert.Equal("c1", Assert.IsType<InteractionChanged>((await following.Next()).Event.Item).Interaction.Id);
            Assert.Equal(0, elsewhere.Count);
        }
        finally
        {
            await Registry.Unregister(followingId);
            await Registry.Unregister(elsewhereId);
            client.DeleteObjectReference<ILiveHost>(followingRef);
            client.DeleteObjectReference<ILiveHost>(elsewhereRef);
        }
    }

    [Fact]
    public async Task A_host_that_unregistered_is_pushed_to_no_more()
    {
        var tenant = TestIds.Tenant();
        var host = new RecordingHost();
        var witness = new RecordingHost();
        var reference = client.CreateObjectReference<ILiveHost>(host);
        var witnessRef = client.CreateObjectReference<ILiveHost>(witness);
        var hostId = Guid.NewGuid();
        var witnessId = Guid.NewGuid();
        try
        {
            await Registry.Register(new LiveHostRegistration(hostId, reference, [tenant]));
            await Registry.Register(new LiveHostRegistration(witnessId, witnessRef, [tenant]));
            await RefreshEverySilo();
            await client.AvailableAgent(tenant, "a1");
            await client.CreateQueue(tenant, "q1", RoutingTestHelpers.Queue(), ("a1", 1));
            var call = await client.InboundCall(tenant, "c1", "q1");
            await call.OfferedTo("a1");
            await host.Until(c => c.OfferedTo == "a1");
            await witness.Until(c => c.OfferedTo == "a1");

            await Registry.Unregister(hostId);
            Assert.DoesNotContain(await Registry.GetHosts(), h => h.HostId == hostId);
            await RefreshEverySilo();
            var before = host.Count;

            // The host still registered is pushed the next change: once it has it, so would the one that left.
            await call.Act(Contracts.Interactions.InteractionActionKind.Accept, "a1");
            while (Assert.IsType<InteractionChanged>((await witness.Next()).Event.Item).Interaction.Handler != "a1")
            {
                // The changes before the accept.
            }

            Assert.Equal(before, host.Count);
        }
        finally
        {
            await Registry.Unregister(hostId);
            await Registry.Unregister(witnessId);
            client.DeleteObjectReference<ILiveHost>(reference);
            client.DeleteObjectReference<ILiveHost>(witnessRef);
        }
    }

    [Fact]
    public async Task A_host_that_starts_following_a_tenant_gets_a_busy_interactions_events_by_the_stream_alone()
    {
        var tenant = TestIds.Tenant();
        var first = new RecordingHost();
        var second = new RecordingHost();
        var firstRef = client.CreateObjectReference<ILiveHost>(first);
        var secondRef = client.CreateObjectReference<ILiveHost>(second);
        var firstId = Guid.NewGuid();
        var secondId = Guid.NewGuid();
        var bounds = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<LiveHostPush>()).Select(p => (Push: p, p.StreamLagBound)).ToList();
        try
        {
            // However slow the machine, the call's events here come within the bound of each other.
            bounds.ForEach(b => b.Push.StreamLagBound = TimeSpan.FromMinutes(10));
            await Registry.Register(new LiveHostRegistration(firstId, firstRef, [tenant]));
            await RefreshEverySilo();
            await client.AvailableAgent(tenant, "a1");
            await client.AvailableAgent(tenant, "a2");
            await client.CreateQueue(tenant, "q1", RoutingTestHelpers.Queue(), ("a1", 1), ("a2", 1));
            var call = await client.InboundCall(tenant, "c1", "q1");
            var offered = await call.Until(v => v.State == Domain.Interactions.InteractionState.Offered, "offered");

            // The second host joins while c1's last event may still be on the stream: c1's next goes to the first host only.
            await Registry.Register(new LiveHostRegistration(secondId, secondRef, [tenant]));
            await RefreshEverySilo();
            await call.Act(Contracts.Interactions.InteractionActionKind.Accept, offered.Offer!.AgentId);
            while (Assert.IsType<InteractionChanged>((await first.Next()).Event.Item).Interaction.Handler is null)
            {
                // The changes before the accept.
            }

            // A call that had not published before the second host joined is pushed to both.
            await (await client.InboundCall(tenant, "c2", "q1")).Until(v => v.State == Domain.Interactions.InteractionState.Offered, "offered");
            var seen = new List<InteractionChanged>();
            while (!seen.Exists(c => c.OfferedTo is not null) || !seen.Select(c => c.Sequence).Order().SequenceEqual(Enumerable.Range(1, seen.Count).Select(i => (long)i)))
            {
                seen.Add(Assert.IsType<InteractionChanged>((await second.Next()).Event.Item));
            }

            Assert.All(seen, c => Assert.Equal("c2", c.Interaction.Id));
            Assert.Equal(seen.Count, second.Count); // and nothing of c1 came before or since
        }
        finally
        {
            bounds.ForEach(b => b.Push.StreamLagBound = b.StreamLagBound);
            await Registry.Unregister(firstId);
            await Registry.Unregister(secondId);
            client.DeleteObjectReference<ILiveHost>(firstRef);
            client.DeleteObjectReference<ILiveHost>(secondRef);
        }
    }

    [Fact]
    public async Task A_host_that_starts_following_a_tenant_gets_a_grains_events_once_it_paused_past_the_bound()
    {
        var tenant = TestIds.Tenant();
        var late = new RecordingHost();
        var lateRef = client.CreateObjectReference<ILiveHost>(late);
        var lateId = Guid.NewGuid();
        var bounds = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<LiveHostPush>()).Select(p => (Push: p, p.StreamLagBound)).ToList();
        try
        {
            await client.AvailableAgent(tenant, "a1");
            await client.CreateQueue(tenant, "q1", RoutingTestHelpers.Queue(), ("a1", 1));
            var call = await client.InboundCall(tenant, "c1", "q1");
            await call.OfferedTo("a1");

            // Any pause counts as past the bound here: the call's next change goes to the host that joined since.
            bounds.ForEach(b => b.Push.StreamLagBound = TimeSpan.Zero);
            await Registry.Register(new LiveHostRegistration(lateId, lateRef, [tenant]));
            await RefreshEverySilo();
            await call.Act(Contracts.Interactions.InteractionActionKind.Accept, "a1");
            await late.Until(c => c.Interaction.Id == "c1" && c.Interaction.Handler == "a1");
        }
        finally
        {
            bounds.ForEach(b => b.Push.StreamLagBound = b.StreamLagBound);
            await Registry.Unregister(lateId);
            client.DeleteObjectReference<ILiveHost>(lateRef);
        }
    }

    [Fact]
    public void A_registration_lasts_until_it_goes_unrenewed_for_its_expiry()
    {
        var time = new FakeTimeProvider();
        var directory = new LiveHostDirectory(time);
        var first = new LiveHostRegistration(Guid.NewGuid(), null!, ["t1"]);
        var second = new LiveHostRegistration(Guid.NewGuid(), null!, ["t2"]);
        directory.Register(first);
        directory.Register(second);
        time.Advance(LiveHostRegistration.Expiry);
        directory.Register(second with { TenantIds = ["t2", "t3"] });
        Assert.Equal([(first.HostId, "t1"), (second.HostId, "t2,t3")], directory.Current().Select(h => (h.HostId, string.Join(',', h.TenantIds))).OrderBy(h => h.Item2));

        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal([(second.HostId, "t2,t3")], directory.Current().Select(h => (h.HostId, string.Join(',', h.TenantIds))));
        directory.Unregister(second.HostId);
        Assert.Empty(directory.Current());
    }

    private async Task RefreshEverySilo()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            await silo.ServiceProvider.GetRequiredService<LiveHostPush>().Refresh();
        }
    }

    /// <summary>A host's receiver that keeps what it is pushed.</summary>
    private sealed class RecordingHost : ILiveHost
    {
        private readonly Channel<(string TenantId, LiveEvent<InteractionLiveEvent> Event)> pushed = Channel.CreateUnbounded<(string, LiveEvent<InteractionLiveEvent>)>();
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task OnInteractionEvent(string tenantId, LiveEvent<InteractionLiveEvent> liveEvent)
        {
            Interlocked.Increment(ref count);
            pushed.Writer.TryWrite((tenantId, liveEvent));
            return Task.CompletedTask;
        }

        /// <summary>Reads what was pushed until an interaction change matches.</summary>
        public async Task Until(Func<InteractionChanged, bool> match)
        {
            while (!match(Assert.IsType<InteractionChanged>((await Next()).Event.Item)))
            {
                // Earlier changes.
            }
        }

        public async Task<(string TenantId, LiveEvent<InteractionLiveEvent> Event)> Next() =>
            await pushed.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
