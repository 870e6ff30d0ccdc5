using Azure.Data.Tables;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Hosting;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>The event history on Azure Tables (Azurite): partitions, transactions, appends again, reads and retention.</summary>
public sealed class TableEventHistoryTests
{
    [Fact(Timeout = 120_000)]
    public async Task Events_appended_again_are_read_once_in_order_across_hours_and_months_and_retention_drops_whole_months()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteInstance.StartAsync(ct);
        var service = AzureTableClients.Create(azurite.ConnectionString);
        var prefix = "History" + Guid.NewGuid().ToString("N")[..8];
        var history = new TableEventHistory(service, prefix);
        var lastOfOctober = new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero);

        // More than one transaction's worth in one partition, others in the next hour and the next month.
        var events = Enumerable.Range(0, 250)
            .Select(i => new HistoryEvent(
                "i:c" + i + ":1", lastOfOctober.AddSeconds(i * 0.2), HistoryTypes.Accepted, "a" + (i % 3), i % 2 == 0 ? "support" : "sales", "c" + i,
                Domain.Queues.MediaType.Voice, Seconds: i / 10.0, Target: i == 7 ? "queue:billing" : null))
            .Concat(Enumerable.Range(0, 20).Select(i => new HistoryEvent("a:a1:" + i, lastOfOctober.AddMinutes(2 + i), HistoryTypes.AgentState, "a1", State: "Available", Code: i == 3 ? "lunch" : null)))
            .ToList();
        await history.Append("acme", events, ct);
        await history.Append("acme", events[100..140], ct); // a retry of part of it
        var elsewhere = new TableEventHistory(service, prefix); // another silo's, which knows October's table made
        await elsewhere.Append("late", [new HistoryEvent("i:l1:1", lastOfOctober, HistoryTypes.Queued, QueueId: "support")], ct);
        await history.Append("other", [events[0]], ct);

        var read = await Read(history, "acme", lastOfOctober.AddHours(-1), lastOfOctober.AddDays(1), null, ct);
        Assert.Equal(events.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal), read); // every field, ticks and all
        var sales = await Read(history, "acme", lastOfOctober, lastOfOctober.AddDays(1), new HistoryFilter(QueueId: "sales"), ct);
        Assert.Equal(125, sales.Count);
        Assert.All(sales, e => Assert.Equal("sales", e.QueueId));
        var a1 = await Read(history, "acme", lastOfOctober, lastOfOctober.AddDays(1), new HistoryFilter(AgentId: "a1"), ct);
        Assert.Equal(events.Count(e => e.AgentId == "a1"), a1.Count);
        var window = await Read(history, "acme", lastOfOctober.AddSeconds(10), lastOfOctober.AddSeconds(20), null, ct);
        Assert.Equal(events.Where(e => e.At >= lastOfOctober.AddSeconds(10) && e.At < lastOfOctober.AddSeconds(20)).Select(e => e.Id), window.Select(e => e.Id));
        Assert.Single(await Read(history, "other", lastOfOctober.AddHours(-1), lastOfOctober.AddDays(1), null, ct));
        Assert.Empty(await Read(history, "acme", lastOfOctober.AddYears(-1), lastOfOctober.AddYears(-1).AddDays(2), null, ct)); // no table then

        await history.Prune(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), ct);

        var left = await Read(history, "acme", lastOfOctober.AddHours(-1), lastOfOctober.AddDays(1), null, ct);
        Assert.Equal(events.Where(e => e.At.Month == 11).Select(e => e.Id).Order(StringComparer.Ordinal), left.Select(e => e.Id).Order(StringComparer.Ordinal));
        var tables = new List<string>();
        await foreach (var table in service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}"), cancellationToken: ct))
        {
            tables.Add(table.Name);
        }

        Assert.Equal([prefix + "202611"], tables);

        // A late append on the other silo finds October's table gone: made again, the event is kept.
        var late = new HistoryEvent("i:l1:2", lastOfOctober.AddSeconds(1), HistoryTypes.Abandoned, QueueId: "support");
        await elsewhere.Append("late", [late], ct);
        Assert.Equal([late], await Read(history, "late", lastOfOctober.AddHours(-1), lastOfOctober.AddHours(1), null, ct));
    }

    private static async Task<List<HistoryEvent>> Read(TableEventHistory history, string tenant, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter, CancellationToken ct)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in history.Read(tenant, from, to, filter, ct))
        {
            events.Add(e);
        }

        return events;
    }
}
