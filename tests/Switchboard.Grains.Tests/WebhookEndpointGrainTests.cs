using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Webhooks;
using Switchboard.Grains.Telephony;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A webhook endpoint's deliveries: stored once per event id, leased to one sender at a time, retried with growing waits
/// until delivered or a day has passed, kept across deactivation; an endpoint failing for three days, or answering 410,
/// is disabled; a write that fails stores nothing and the event comes again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookEndpointGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(15);

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_event_is_stored_once_leased_to_one_sender_and_retried_until_delivered_across_deactivation()
    {
        var endpoint = await CreateAsync(TestIds.Tenant(), "wh_1");
        var e = Event("evt_1");
        await endpoint.Enqueue([e]);
        await endpoint.Enqueue([e, e]); // the stream delivers again: still one delivery
        Assert.Equal(1, (await endpoint.Get())!.Pending);

        var sends = await endpoint.Lease(10, LeaseFor);
        Assert.Equal(("https://crm.example/hooks", "evt_1", 1L), (sends.Single().Url, sends.Single().Event.Id, sends.Single().Sequence));
        Assert.Empty(await endpoint.Lease(10, LeaseFor)); // leased to the first sender

        var now = fixture.Time.GetUtcNow();
        await endpoint.Complete(1, new WebhookAttempt(now, 503, 12, null, "busy"));
        var pending = Assert.Single((await endpoint.ListDeliveries(null, 10))!);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 503), (pending.Status, pending.Attempts, pending.LastAttempt!.StatusCode));
        Assert.InRange(pending.NextAttemptAt!.Value - now, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        Assert.Empty(await endpoint.Lease(10, LeaseFor)); // not due yet

        await fixture.DeactivateAllAsync(endpoint);
        fixture.Time.Advance(TimeSpan.FromSeconds(6));
        var again = Assert.Single(await endpoint.Lease(10, LeaseFor));
        Assert.Equal("evt_1", again.Event.Id);
        await endpoint.Complete(1, new WebhookAttempt(fixture.Time.GetUtcNow(), 204, 3, null, null));
        var delivered = Assert.Single((await endpoint.ListDeliveries(null, 10))!);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 2, (DateTimeOffset?)null), (delivered.Status, delivered.Attempts, delivered.NextAttemptAt));
        Assert.Equal((0, (DateTimeOffset?)null), ((await endpoint.Get())!.Pending, (await endpoint.Get())!.FailingSince));
    }

    [Fact]
    public async Task A_delivery_is_given_up_a_day_after_its_event_and_an_endpoint_failing_three_days_is_disabled()
    {
        var endpoint = await CreateAsync(TestIds.Tenant(), "wh_2");
        var created = fixture.Time.GetUtcNow();
        await endpoint.Enqueue([Event("evt_a")]);
        var attempts = 0;
        while ((await endpoint.Lease(1, LeaseFor)).SingleOrDefault() is { } send)
        {
            attempts++;
            await endpoint.Complete(send.Sequence, new WebhookAttempt(fixture.Time.GetUtcNow(), null, 10_000, "no answer within 10 s", null));
            if ((await endpoint.ListDeliveries(null, 1))![0].NextAttemptAt is { } next)
            {
                fixture.Time.Advance(next - fixture.Time.GetUtcNow());
            }
        }

        var failed = (await endpoint.ListDeliveries(null, 1))![0];
        Assert.Equal((WebhookDeliveryStatus.Failed, attempts), (failed.Status, failed.Attempts));
        Assert.InRange(failed.LastAttempt!.At - created, TimeSpan.FromHours(20), WebhookRules.RetryFor);
        Assert.True((await endpoint.Get())!.Enabled); // one day of failures: still enabled, failing since the first

        // Failing on: a day later still enabled; three days after the first failure, disabled, and given nothing more.
        foreach (var (day, at) in new[] { (0, fixture.Time.GetUtcNow().AddDays(1)), (1, created + WebhookRules.DisableAfter) })
        {
            fixture.Time.Advance(at - fixture.Time.GetUtcNow());
            await endpoint.Enqueue([Event($"evt_day{day}")]);
            var send = Assert.Single(await endpoint.Lease(1, LeaseFor));
            await endpoint.Complete(send.Sequence, new WebhookAttempt(fixture.Time.GetUtcNow(), 500, 5, null, null));
            Assert.Equal(day == 0, (await endpoint.Get())!.Enabled);
        }

        var disabled = (await endpoint.Get())!;
        Assert.False(disabled.Enabled);
        Assert.Contains("3 days", disabled.DisabledReason, StringComparison.Ordinal);
        Assert.Equal(created, disabled.FailingSince);
        await endpoint.Enqueue([Event("evt_while_disabled")]);
        Assert.Empty(await endpoint.Lease(10, LeaseFor));
        Assert.Equal(3, (await endpoint.ListDeliveries(null, 10))!.Count);

        // Enabled again, what was pending is sent; the event of while it was disabled never is.
        await endpoint.Update(new WebhookEndpointPatch(null, null, null, true));
        Assert.Equal(["evt_day1"], (await endpoint.Lease(10, LeaseFor)).Select(s => s.Event.Id));
    }

    [Fact]
    public async Task An_enqueue_whose_write_fails_stores_nothing_and_the_event_is_stored_when_it_comes_again()
    {
        var tenant = TestIds.Tenant();
        var endpoint = await CreateAsync(tenant, "wh_3");
        using (fixture.Faults.FailWrites(GrainKeys.WebhookEndpoint(tenant, "wh_3"), "endpoint", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => endpoint.Enqueue([Event("evt_x")]));
        }

        Assert.Equal(0, (await endpoint.Get())!.Pending);
        Assert.Empty(await endpoint.Lease(10, LeaseFor));
        await endpoint.Enqueue([Event("evt_x")]);
        var send = Assert.Single(await endpoint.Lease(10, LeaseFor));
        Assert.Equal((1L, "evt_x"), (send.Sequence, send.Event.Id));
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_and_a_redelivery_sends_a_delivered_event_again()
    {
        var endpoint = await CreateAsync(TestIds.Tenant(), "wh_4");
        await endpoint.Enqueue([Event("evt_1"), Event("evt_2")]);
        var sends = await endpoint.Lease(10, LeaseFor);
        await endpoint.Complete(sends[0].Sequence, new WebhookAttempt(fixture.Time.GetUtcNow(), 200, 1, null, null));
        Assert.Equal(WebhookDeliveryStatus.Pending, (await endpoint.Redeliver(1))!.Status);
        Assert.Null(await endpoint.Redeliver(3));
        await endpoint.Complete(sends[1].Sequence, new WebhookAttempt(fixture.Time.GetUtcNow(), 410, 1, null, "gone"));

        var gone = (await endpoint.Get())!;
        Assert.Equal((false, "the endpoint answered 410 Gone"), (gone.Enabled, gone.DisabledReason));
        Assert.Equal([WebhookDeliveryStatus.Failed, WebhookDeliveryStatus.Pending], (await endpoint.ListDeliveries(null, 10))!.Select(d => d.Status));
        await endpoint.Update(new WebhookEndpointPatch(null, null, null, true));
        Assert.Equal(["evt_1"], (await endpoint.Lease(10, LeaseFor)).Select(s => s.Event.Id));
    }

    [Fact]
    public async Task The_tenants_dispatcher_stores_each_event_for_the_endpoints_that_want_it()
    {
        var tenant = TestIds.Tenant();
        var agents = await CreateAsync(tenant, "wh_agents", "agent.*");
        var crm = await CreateAsync(tenant, "wh_crm", "crm.case.created");
        Assert.Equal(["wh_agents", "wh_crm"], await client.GetGrain<IWebhookDispatchGrain>(tenant).ListEndpoints());

        await client.CreateAgent(tenant, "a1");
        var send = await Until(() => agents.Lease(10, LeaseFor));
        Assert.Equal("agent.state_changed", send.Single().Event.Type);
        Assert.Empty(await crm.Lease(10, LeaseFor));

        Assert.Equal(WebhookWriteOutcome.Deleted, (await agents.Delete()).Outcome);
        Assert.Equal(["wh_crm"], await client.GetGrain<IWebhookDispatchGrain>(tenant).ListEndpoints());
        Assert.Null(await agents.ListDeliveries(null, 10));
    }

    [Fact]
    public async Task A_carrier_command_is_stored_once_however_often_it_is_asked_and_fails_while_it_cannot_be_stored()
    {
        var tenant = TestIds.Tenant();
        var carrier = await CreateAsync(tenant, "wh_carrier", "telephony.*");
        var crm = await CreateAsync(tenant, "wh_crm", "interaction.*");
        var gateway = new CarrierTelephonyGateway(client, fixture.Time, NullLogger<CarrierTelephonyGateway>.Instance);
        var agent = new TelephonyLeg("L1", PartyKind.Agent, "a1");
        TelephonyLeg[] both = [agent, new TelephonyLeg("L2", PartyKind.Customer, "+390212345678")];

        await gateway.Dial(tenant, "i1", agent, 2);
        await gateway.Dial(tenant, "i1", agent, 2); // the outbox asks again after a failure
        await gateway.Bridge(tenant, "i1", both, 4);
        await gateway.Bridge(tenant, "i1", both, 4);
        await gateway.Bridge(tenant, "i1", both, 7); // the same legs later (a resume): a command of its own
        using (fixture.Faults.FailWrites(GrainKeys.WebhookEndpoint(tenant, "wh_carrier"), "endpoint", count: 1))
        {
            // Thrown back: the interaction keeps the hang-up in its outbox and asks again.
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => gateway.HangUp(tenant, "i1", "L2", 9));
        }

        await gateway.HangUp(tenant, "i1", "L2", 9);

        var deliveries = (await carrier.ListDeliveries(null, 10))!.Reverse().ToList();
        Assert.Equal(["telephony.dial", "telephony.bridge", "telephony.bridge", "telephony.hangup"], deliveries.Select(d => d.Event.Type));
        Assert.Equal(4, deliveries.Select(d => d.Event.Id).Distinct().Count());
        Assert.All(deliveries, d => Assert.Matches("^evt_[0-9a-f]{32}$", d.Event.Id));
        Assert.Equal(new TelephonyCommand(TelephonyCommandKind.Dial, "i1", 2, Leg: agent), deliveries[0].Event.Data);
        var resumed = (TelephonyCommand)deliveries[2].Event.Data;
        Assert.Equal(7, resumed.Sequence);
        Assert.Equal(both, resumed.Legs!);
        Assert.Equal(new TelephonyCommand(TelephonyCommandKind.HangUp, "i1", 9, LegId: "L2"), deliveries[3].Event.Data);
        Assert.Empty(await crm.Lease(10, LeaseFor));

        // Another tenant's call with the same ids is another command; a tenant with no endpoint for it is not waited for.
        var other = TestIds.Tenant();
        var otherCarrier = await CreateAsync(other, "wh_carrier", "telephony.dial");
        await gateway.Dial(other, "i1", agent, 2);
        Assert.NotEqual(deliveries[0].Event.Id, Assert.Single(await otherCarrier.Lease(10, LeaseFor)).Event.Id);
        await gateway.HangUp(other, "i1", "L1", 3);
        Assert.False(await client.GetGrain<IWebhookDispatchGrain>(other).Publish(new WebhookEvent("evt_x", "telephony.hangup", fixture.Time.GetUtcNow(), "data")));
        Assert.Equal(1, (await otherCarrier.Get())!.Pending);
    }

    [Fact]
    public async Task The_log_keeps_the_newest_deliveries_and_older_ones_until_done_and_a_deleted_endpoint_leaves_none()
    {
        var tenant = TestIds.Tenant();
        var endpoint = await CreateAsync(tenant, "wh_log");
        IWebhookDeliveryGrain Delivery(long sequence) => client.GetGrain<IWebhookDeliveryGrain>(GrainKeys.WebhookDelivery(tenant, "wh_log", sequence));
        await endpoint.Enqueue([Event("evt_old_1"), Event("evt_old_2")]);
        await endpoint.Complete(1, new WebhookAttempt(fixture.Time.GetUtcNow(), 200, 1, null, null)); // 1 delivered, 2 still pending

        await endpoint.Enqueue([.. Enumerable.Range(0, WebhookRules.KeptDeliveries).Select(i => Event($"evt_{i}"))]);

        // Deliveries 3-1002 are the log; 1 fell out of it, 2 stays while it is pending and goes once done.
        Assert.Null(await Delivery(1).Get());
        Assert.Null(await endpoint.Redeliver(1));
        Assert.NotNull(await Delivery(2).Get());
        await endpoint.Complete(2, new WebhookAttempt(fixture.Time.GetUtcNow(), 204, 1, null, null));
        Assert.Null(await Delivery(2).Get());
        var log = (await endpoint.ListDeliveries(null, 2 * WebhookRules.KeptDeliveries))!;
        Assert.Equal((WebhookRules.KeptDeliveries, 1002L, 3L), (log.Count, log[0].Sequence, log[^1].Sequence));

        Assert.Equal(WebhookWriteOutcome.Deleted, (await endpoint.Delete()).Outcome);
        Assert.Null(await Delivery(3).Get());
        Assert.Null(await Delivery(1002).Get());
    }

    private async Task<IWebhookEndpointGrain> CreateAsync(string tenant, string id, params string[] events)
    {
        var endpoint = client.GetGrain<IWebhookEndpointGrain>(GrainKeys.WebhookEndpoint(tenant, id));
        var created = await endpoint.Create("https://crm.example/hooks", events.Length == 0 ? ["*"] : events, null, "whsec_" + Convert.ToBase64String(new byte[32]));
        Assert.Equal(WebhookWriteOutcome.Created, created.Outcome);
        return endpoint;
    }

    private WebhookEvent Event(string id) => new(id, "interaction.created", fixture.Time.GetUtcNow(), "data");

    /// <summary>Asks until something is due (the stream reaches the dispatcher a moment after the change).</summary>
    private static async Task<IReadOnlyList<WebhookSend>> Until(Func<Task<IReadOnlyList<WebhookSend>>> lease)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await lease() is { Count: > 0 } sends)
            {
                return sends;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("Nothing became due.");
    }
}
