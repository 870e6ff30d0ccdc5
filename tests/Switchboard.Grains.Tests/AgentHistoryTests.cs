using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Grains.Agents;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AgentHistoryTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task History_is_newest_first_and_pages_with_next_before()
    {
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");
        await agent.Alternate(fixture.Time, 0, 7);

        var first = await agent.GetHistory(null, 3);
        Assert.Equal([7L, 6L, 5L], first!.Items.Select(e => e.Sequence));
        Assert.Equal(5, first.NextBefore);

        var second = await agent.GetHistory(first.NextBefore, 3);
        Assert.Equal([4L, 3L, 2L], second!.Items.Select(e => e.Sequence));
        Assert.Equal(2, second.NextBefore);

        var third = await agent.GetHistory(second.NextBefore, 3);
        Assert.Equal([1L], third!.Items.Select(e => e.Sequence));
        Assert.Null(third.NextBefore);

        var all = await agent.GetHistory(null, 100);
        Assert.Equal([7L, 6L, 5L, 4L, 3L, 2L, 1L], all!.Items.Select(e => e.Sequence));
        Assert.Null(all.NextBefore);

        // Nothing is older than the first entry.
        var none = await agent.GetHistory(1, 10);
        Assert.Empty(none!.Items);
        Assert.Null(none.NextBefore);
    }

    [Fact]
    public async Task A_page_of_zero_is_empty_and_keeps_the_position()
    {
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");
        await agent.Alternate(fixture.Time, 0, 3);

        var page = await agent.GetHistory(3, 0);

        Assert.Empty(page!.Items);
        Assert.Equal(3, page.NextBefore);
    }

    [Fact]
    public async Task A_last_page_that_ends_at_the_first_entry_has_no_next_before()
    {
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");
        await agent.Alternate(fixture.Time, 0, 6);

        var first = await agent.GetHistory(null, 3);
        Assert.Equal([6L, 5L, 4L], first!.Items.Select(e => e.Sequence));
        Assert.Equal(4, first.NextBefore);

        var second = await agent.GetHistory(first.NextBefore, 3);
        Assert.Equal([3L, 2L, 1L], second!.Items.Select(e => e.Sequence));
        Assert.Null(second.NextBefore);
    }

    [Fact]
    public async Task A_new_agent_has_an_empty_history()
    {
        var agent = await client.CreateAgent(TestIds.Tenant(), "a1");

        var history = await agent.GetHistory(null, 10);

        Assert.NotNull(history);
        Assert.Empty(history.Items);
        Assert.Null(history.NextBefore);
    }

    [Fact]
    public async Task History_longer_than_one_page_grain_reads_back_whole_and_in_order()
    {
        const int Changes = 250;
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        var times = await agent.Alternate(fixture.Time, 0, Changes);

        var state = await agent.GetState();
        Assert.Equal(new AgentStateView(AgentState.Offline, null, times[^1], null, null, Changes), state);

        // Limits that line up with the 100-entry page grains, that do not, and one that reads everything at once.
        foreach (var limit in new[] { 100, 37, 1, Changes, 1000 })
        {
            var entries = await agent.ReadAllHistory(limit);
            Assert.Equal(Enumerable.Range(1, Changes).Reverse().Select(i => (long)i), entries.Select(e => e.Sequence));
            for (var i = 0; i < Changes; i++)
            {
                var entry = entries[Changes - 1 - i];
                var to = i % 2 == 0 ? AgentState.Available : AgentState.Offline;
                var from = i == 0 ? AgentState.LoggedOut : i % 2 == 0 ? AgentState.Offline : AgentState.Available;
                Assert.Equal(new StateHistoryEntry(i + 1, AuditEntryKind.Transition, from, to, null, StateActor.Agent, "a1", null, times[i]), entry);
            }
        }

        var newest = await agent.GetHistory(null, 100);
        Assert.Equal(151, newest!.NextBefore);
        var oldest = await agent.GetHistory(51, 100);
        Assert.Equal(Enumerable.Range(1, 50).Reverse().Select(i => (long)i), oldest!.Items.Select(e => e.Sequence));
        Assert.Null(oldest.NextBefore);

        // A window straddling the 100/101 and 200/201 page boundaries.
        var middle = await agent.GetHistory(205, 110);
        Assert.Equal(Enumerable.Range(95, 110).Reverse().Select(i => (long)i), middle!.Items.Select(e => e.Sequence));
        Assert.Equal(95, middle.NextBefore);
    }

    [Fact]
    public async Task A_history_page_keeps_one_entry_per_sequence()
    {
        var page = client.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(TestIds.Tenant(), "a1", 0));
        var at = ClusterFixture.Start;
        StateHistoryEntry Entry(long sequence, AgentState to) =>
            new(sequence, AuditEntryKind.Transition, AgentState.LoggedOut, to, null, StateActor.Agent, "a1", null, at);

        await page.Append([Entry(2, AgentState.Offline), Entry(1, AgentState.Available)]);
        await page.Append([Entry(2, AgentState.Break), Entry(3, AgentState.Available)]);
        await page.Append([Entry(3, AgentState.Available)]);

        var entries = await page.GetEntries();
        Assert.Equal(
            [Entry(1, AgentState.Available), Entry(2, AgentState.Break), Entry(3, AgentState.Available)],
            entries.OrderBy(e => e.Sequence));
    }

    [Fact]
    public async Task A_history_page_stays_in_sequence_order_whether_a_batch_follows_on_or_arrives_out_of_order()
    {
        var tenant = TestIds.Tenant();
        var page = client.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenant, "a1", 0));
        var at = ClusterFixture.Start;
        StateHistoryEntry Entry(long sequence) =>
            new(sequence, AuditEntryKind.Transition, AgentState.LoggedOut, AgentState.Available, null, StateActor.Agent, "a1", null, at);

        await page.Append([Entry(1), Entry(2)]);
        await page.Append([Entry(3), Entry(4)]); // follows on: goes on the end
        await page.Append([Entry(6), Entry(5)]); // out of order: merged
        await page.Append([Entry(7)]);
        var writes = fixture.Faults.SucceededWrites(tenant + "/", "history");
        await page.Append([Entry(4)]); // already there: nothing to write
        await page.Append([Entry(8), Entry(8)]); // a repeated sequence does not follow on: merged to one

        Assert.Equal(writes + 1, fixture.Faults.SucceededWrites(tenant + "/", "history"));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], (await page.GetEntries()).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Archiving_a_batch_costs_one_history_page_write_and_no_extra_agent_write()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");
        var agentWritesBefore = fixture.Faults.SucceededWrites(tenant + "/", "agent");

        // As many whole batches as fit on page 0, so that no batch is split between two pages.
        const int Batches = IAgentHistoryPageGrain.Size / AgentHistoryArchive.BatchSize;
        const int Changes = Batches * AgentHistoryArchive.BatchSize;
        await agent.Alternate(fixture.Time, 0, Changes);

        // One write per change commits the change; a batch of entries costs one page write, nothing more.
        Assert.Equal(Changes, fixture.Faults.SucceededWrites(tenant + "/", "agent") - agentWritesBefore);
        Assert.Equal(Batches, fixture.Faults.SucceededWrites(tenant + "/", "history"));
        Assert.Equal(Enumerable.Range(1, Changes).Select(i => (long)i), (await HistoryPage(tenant, 0).GetEntries()).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Entries_archived_but_still_in_the_agent_row_are_read_once_after_a_deactivation()
    {
        var tenant = TestIds.Tenant();
        var agent = await client.CreateAgent(tenant, "a1");

        const int Batch = AgentHistoryArchive.BatchSize;

        // Change number Batch copies entries 1..Batch to the page; the agent row drops them only with its next write.
        await agent.Alternate(fixture.Time, 0, Batch);
        Assert.Equal(Batch, (await HistoryPage(tenant, 0).GetEntries()).Count);
        await fixture.DeactivateAllAsync(agent);
        Assert.Equal(Enumerable.Range(1, Batch).Reverse().Select(i => (long)i), (await agent.ReadAllHistory(3)).Select(e => e.Sequence));

        // The new activation does not know they were copied: it copies them again with change Batch + 1 (harmless), then
        // Batch + 2 to 2 * Batch + 1; the last four stay in the row.
        const int Total = 2 * Batch + 5;
        await agent.Alternate(fixture.Time, Batch, Total - Batch);
        await fixture.DeactivateAllAsync(agent);
        var history = await agent.ReadAllHistory(4);
        Assert.Equal(Enumerable.Range(1, Total).Reverse().Select(i => (long)i), history.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 2 * Batch + 1).Select(i => (long)i), (await HistoryPage(tenant, 0).GetEntries()).Select(e => e.Sequence));
    }

    private IAgentHistoryPageGrain HistoryPage(string tenant, long page) =>
        client.GetGrain<IAgentHistoryPageGrain>(GrainKeys.AgentHistoryPage(tenant, "a1", page));
}
