using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>Queue settings: create, read, merge-patch, delete, each checked against the tenant's codes and queues.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private static readonly QueueConfig Support = new(
        "Support", MediaType.Chat, RoutingStrategy.SkillLevel, 20, ["sale", "no-sale"], new QueueWrapUpConfig(true, 120),
        new QueueOverflowConfig("backup", 60), AgentState.Offline);

    private async Task<string> TenantWithCodesAndBackupQueue()
    {
        var tenant = TestIds.Tenant();
        await client.GetGrain<ITenantGrain>(tenant).SetTransactionCodes([new TransactionCodeItem("sale", "Sale"), new TransactionCodeItem("no-sale", "No sale")]);
        await client.CreateQueue(tenant, "backup");
        return tenant;
    }

    [Fact]
    public async Task Create_stores_the_settings_lists_the_queue_and_a_retry_with_the_same_settings_is_not_a_conflict()
    {
        var tenant = await TenantWithCodesAndBackupQueue();
        var queue = client.Queue(tenant, "support");
        var createdAt = fixture.Time.GetUtcNow();

        var created = await queue.Create(Support with { Name = "  Support " });

        Assert.Equal(CreateQueueOutcome.Created, created.Outcome);
        Assert.Empty(created.Errors);
        var expected = new QueueRecord("support", Support, createdAt, createdAt);
        Assert.Equal(expected, created.Queue);
        Assert.Equal(expected, await queue.Get());

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await queue.Create(Support with { TransactionCodes = ["sale", "no-sale"] });
        Assert.Equal(CreateQueueOutcome.AlreadyExists, again.Outcome);
        Assert.Equal(expected, again.Queue);

        var other = await queue.Create(Support with { OfferTimeoutSeconds = 30 });
        Assert.Equal(CreateQueueOutcome.Conflict, other.Outcome);
        Assert.Equal(expected, await queue.Get());

        var listed = await client.GetGrain<IQueueRosterGrain>(tenant).List(null, 10);
        Assert.Equal(
            [new QueueRosterEntry("backup", "Queue backup", MediaType.Voice, RoutingStrategy.LongestIdle), new QueueRosterEntry("support", "Support", MediaType.Chat, RoutingStrategy.SkillLevel)],
            listed.Items);
    }

    [Fact]
    public async Task Create_refuses_unknown_codes_and_overflow_queues_naming_each_field_and_stores_nothing()
    {
        var tenant = await TenantWithCodesAndBackupQueue();
        var queue = client.Queue(tenant, "support");

        var result = await queue.Create(Support with
        {
            TransactionCodes = ["sale", "refund", "sale"],
            Overflow = new QueueOverflowConfig("nowhere", 60),
            OfferTimeoutSeconds = 1,
        });

        Assert.Equal(CreateQueueOutcome.Invalid, result.Outcome);
        Assert.Null(result.Queue);
        Assert.Equal(["offerTimeoutSeconds", "transactionCodes[1]", "transactionCodes[2]", "overflow.queueId"], result.Errors.Select(e => e.Field));
        Assert.Null(await queue.Get());
        Assert.Null(await queue.GetMembers());
        Assert.False(await client.GetGrain<IQueueRosterGrain>(tenant).Contains("support"));

        var self = await queue.Create(Support with { Overflow = new QueueOverflowConfig("support", 60) });
        Assert.Equal(["overflow.queueId"], self.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Update_merges_the_patch_and_checks_the_result()
    {
        var tenant = await TenantWithCodesAndBackupQueue();
        var queue = await client.CreateQueue(tenant, "support", Support);
        var createdAt = fixture.Time.GetUtcNow();

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var changedAt = fixture.Time.GetUtcNow();
        var changed = await queue.Update(new QueueConfigPatch(Name: "Support 2 ", Strategy: RoutingStrategy.RoundRobin, ClearWrapUpMaxSeconds: true, OverflowAfterSeconds: 90));
        Assert.Equal(UpdateQueueOutcome.Updated, changed.Outcome);
        var expected = Support with
        {
            Name = "Support 2",
            Strategy = RoutingStrategy.RoundRobin,
            WrapUp = new QueueWrapUpConfig(true, null),
            Overflow = new QueueOverflowConfig("backup", 90),
        };
        Assert.Equal(new QueueRecord("support", expected, createdAt, changedAt), changed.Queue);

        // Codes required but none left, and an overflow to itself: refused whole.
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var invalid = await queue.Update(new QueueConfigPatch(TransactionCodes: [], OverflowQueueId: "support", Media: MediaType.Email));
        Assert.Equal(UpdateQueueOutcome.Invalid, invalid.Outcome);
        Assert.Equal(["wrapUp.codeRequired", "overflow.queueId"], invalid.Errors.Select(e => e.Field));
        Assert.Equal(new QueueRecord("support", expected, createdAt, changedAt), await queue.Get());

        // Nothing to change: UpdatedAt stays. Removing the overflow and the code rule together is fine.
        Assert.Equal(changedAt, (await queue.Update(new QueueConfigPatch())).Queue!.UpdatedAt);
        var removed = await queue.Update(new QueueConfigPatch(RemoveOverflow: true, WrapUpCodeRequired: false, TransactionCodes: []));
        Assert.Equal(expected with { Overflow = null, WrapUp = new QueueWrapUpConfig(false, null), TransactionCodes = [] }, removed.Queue!.Config);

        // A new overflow needs both parts.
        var half = await queue.Update(new QueueConfigPatch(OverflowQueueId: "backup"));
        Assert.Equal(["overflow.afterSeconds"], half.Errors.Select(e => e.Field));

        Assert.Equal(UpdateQueueOutcome.NotFound, (await client.Queue(tenant, "nobody").Update(new QueueConfigPatch(Name: "X"))).Outcome);
        Assert.Equal("Support 2", Assert.Single((await client.GetGrain<IQueueRosterGrain>(tenant).List("backup", 10)).Items).Name);
    }

    [Fact]
    public async Task Update_sets_the_service_level_and_abandon_threshold_and_keeps_them_when_left_out()
    {
        var tenant = await TenantWithCodesAndBackupQueue();
        var queue = await client.CreateQueue(tenant, "support", Support);
        var settings = (await queue.Get())!.Config.ToSettings();
        Assert.Equal((20, 5), (settings.ServiceLevelSeconds, settings.AbandonThresholdSeconds));

        var changed = await queue.Update(new QueueConfigPatch(ServiceLevelSeconds: 30, AbandonThresholdSeconds: 0));
        Assert.Equal(Support with { ServiceLevelSeconds = 30, AbandonThresholdSeconds = 0 }, changed.Queue!.Config);
        var renamed = await queue.Update(new QueueConfigPatch(Name: "Support 2"));
        Assert.Equal(Support with { Name = "Support 2", ServiceLevelSeconds = 30, AbandonThresholdSeconds = 0 }, renamed.Queue!.Config);

        var invalid = await queue.Update(new QueueConfigPatch(ServiceLevelSeconds: 0, AbandonThresholdSeconds: 601));
        Assert.Equal(["serviceLevelSeconds", "abandonThresholdSeconds"], invalid.Errors.Select(e => e.Field));
        Assert.Equal(renamed.Queue, await queue.Get());
    }

    [Fact]
    public async Task A_queue_stored_before_the_service_level_and_abandon_threshold_reads_them_as_20_and_5()
    {
        var tenant = TestIds.Tenant();
        var queue = client.Queue(tenant, "old");
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var previous = new PreviousQueueGrainState
        {
            Exists = true,
            Config = new PreviousQueueConfig("Old", MediaType.Chat, RoutingStrategy.RoundRobin, 30, [], new QueueWrapUpConfig(false, 60), null, AgentState.Offline),
            CreatedAt = ClusterFixture.Start,
            UpdatedAt = ClusterFixture.Start,
        };
        await storage.WriteStateAsync("queue", queue.GetGrainId(), new GrainState<PreviousQueueGrainState>(previous));

        var stored = (await queue.Get())!.Config;
        Assert.Null(stored.ServiceLevelSeconds);
        Assert.Null(stored.AbandonThresholdSeconds);
        Assert.Equal((20, 5), (stored.ToSettings().ServiceLevelSeconds, stored.ToSettings().AbandonThresholdSeconds));
        var current = new QueueConfig("Old", MediaType.Chat, RoutingStrategy.RoundRobin, 30, [], new QueueWrapUpConfig(false, 60), null, AgentState.Offline, 20, 5);
        Assert.Equal(current, stored);

        // The same create again is a retry, not a conflict; a patch of one threshold keeps the other's default, stored from now on.
        Assert.Equal(CreateQueueOutcome.AlreadyExists, (await queue.Create(current)).Outcome);
        var patched = await queue.Update(new QueueConfigPatch(AbandonThresholdSeconds: 0));
        Assert.Equal(current with { AbandonThresholdSeconds = 0 }, patched.Queue!.Config);
        await fixture.DeactivateAllAsync(queue);
        var reread = (await queue.Get())!.Config;
        Assert.Equal((20, 0), (reread.ServiceLevelSeconds, reread.AbandonThresholdSeconds));
    }

    [Fact]
    public async Task Delete_removes_the_queue_from_get_and_the_list_and_a_second_delete_finds_nothing()
    {
        var tenant = await TenantWithCodesAndBackupQueue();
        var queue = await client.CreateQueue(tenant, "support", Support);

        Assert.True(await queue.Delete());

        Assert.Null(await queue.Get());
        Assert.Null(await queue.GetMembers());
        Assert.False(await client.GetGrain<IQueueRosterGrain>(tenant).Contains("support"));
        Assert.False(await queue.Delete());
        Assert.Equal(UpdateQueueOutcome.NotFound, (await queue.Update(new QueueConfigPatch(Name: "X"))).Outcome);

        // A queue created again under the id starts afresh.
        await client.CreateQueue(tenant, "support");
        Assert.Equal("Queue support", (await queue.Get())!.Config.Name);
    }

    [Fact]
    public async Task Queue_list_pages_in_ordinal_id_order_and_tenants_do_not_share_queues()
    {
        var tenant = TestIds.Tenant();
        var other = TestIds.Tenant();
        foreach (var id in new[] { "b", "c-1", "A", "a", "B2" })
        {
            await client.CreateQueue(tenant, id);
        }

        await client.CreateQueue(other, "a", QueueTestHelpers.Config("Other a"));
        var roster = client.GetGrain<IQueueRosterGrain>(tenant);

        var first = await roster.List(null, 2);
        Assert.Equal(["A", "B2"], first.Items.Select(q => q.Id));
        var second = await roster.List(first.NextAfter, 2);
        Assert.Equal(["a", "b"], second.Items.Select(q => q.Id));
        var third = await roster.List(second.NextAfter, 2);
        Assert.Equal(["c-1"], third.Items.Select(q => q.Id));
        Assert.Null(third.NextAfter);
        Assert.Equal("Queue a", (await client.Queue(tenant, "a").Get())!.Config.Name);
        Assert.Equal("Other a", (await client.Queue(other, "a").Get())!.Config.Name);
    }
}
