using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Reports;

namespace Switchboard.Hosting;

/// <summary>
/// The event history on Azure Tables: a table per UTC month (<c>{prefix}{yyyyMM}</c>, so retention drops whole tables),
/// a partition per tenant and UTC hour (<c>{tenantId}_{yyyyMMddHH}</c>: writes and reads spread, no row grows), a row per
/// event keyed by its time and id (<c>{ticks}_{id}</c>), so an event appended again replaces itself. Appends go in
/// transactions of up to 100 rows of one partition.
/// </summary>
public sealed class TableEventHistory(TableServiceClient service, string tablePrefix) : IEventHistoryStore
{
    /// <summary>Azure's limit on the operations of one transaction.</summary>
    internal const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, Lazy<Task>> created = new(StringComparer.Ordinal);

    public async Task Append(string tenantId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var partitions = events
            .DistinctBy(e => (e.At.UtcTicks, e.Id))
            .GroupBy(e => (Table: TableName(e.At), Partition: PartitionKey(tenantId, e.At)));
        await Task.WhenAll(partitions.Select(async partition =>
        {
            var table = await Table(partition.Key.Table, cancellationToken);
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition.Key.Partition, e))).ToList();
                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Another silo's retention dropped the month's table after this one made it: made again (and dropped
                    // again by the next prune if the month is past keeping).
                    created.TryRemove(partition.Key.Table, out _);
                    table = await Table(partition.Key.Table, cancellationToken);
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                }
            }
        }));
    }

    /// <summary>How many hour partitions a read fetches ahead of the one it is handing out.</summary>
    private const int ReadAhead = 4;

    public async IAsyncEnumerable<HistoryEvent> Read(
        string tenantId, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Hour partitions are read a few at once (one query each is a round trip, the same for Azure at any size) and
        // handed out in order.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hours = new Queue<DateTimeOffset>();
        for (var hour = new DateTimeOffset(from.UtcDateTime.Date.AddHours(from.UtcDateTime.Hour), TimeSpan.Zero); hour < to; hour = hour.AddHours(1))
        {
            hours.Enqueue(hour);
        }

        var ahead = new Queue<Task<List<HistoryEvent>>>();
        try
        {
            while (hours.Count > 0 || ahead.Count > 0)
            {
                while (ahead.Count < ReadAhead && hours.TryDequeue(out var hour))
                {
                    ahead.Enqueue(ReadHour(tenantId, hour, from, to, filter, reading.Token));
                }

                foreach (var e in await ahead.Dequeue())
                {
                    yield return e;
                }
            }
        }
        finally
        {
            // A reader that stops early: the hours fetched ahead are let go.
            await reading.CancelAsync();
            foreach (var left in ahead)
            {
                try
                {
                    await left;
                }
                catch (Exception)
                {
                    // Cancelled or failed: nobody wants it any more.
                }
            }
        }
    }

    private async Task<List<HistoryEvent>> ReadHour(
        string tenantId, DateTimeOffset hour, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter, CancellationToken cancellationToken)
    {
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(tenantId, hour)} and RowKey ge {RowKeyPrefix(from)} and RowKey lt {RowKeyPrefix(to)}");
        if (filter?.QueueId is { } queueId)
        {
            query += " and " + TableClient.CreateQueryFilter($"QueueId eq {queueId}");
        }

        if (filter?.AgentId is { } agentId)
        {
            query += " and " + TableClient.CreateQueryFilter($"AgentId eq {agentId}");
        }

        var events = new List<HistoryEvent>();
        try
        {
            await foreach (var row in service.GetTableClient(TableName(hour)).QueryAsync<TableEntity>(query, cancellationToken: cancellationToken))
            {
                events.Add(FromEntity(row));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table for that month: nothing was appended then.
        }

        return events;
    }

    public async Task Prune(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var tables = TableServiceClient.CreateQueryFilter($"TableName ge {tablePrefix} and TableName lt {tablePrefix + "~"}");
        await foreach (var table in service.QueryAsync(tables, cancellationToken: cancellationToken))
        {
            var suffix = table.Name[tablePrefix.Length..];
            if (DateTime.TryParseExact(suffix, "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var month)
                && new DateTimeOffset(month.AddMonths(1), TimeSpan.Zero) <= before)
            {
                await service.DeleteTableAsync(table.Name, cancellationToken);
                created.TryRemove(table.Name, out _);
            }
        }
    }

    private async Task<TableClient> Table(string name, CancellationToken cancellationToken)
    {
        var creating = created.GetOrAdd(name, n => new Lazy<Task>(() => service.CreateTableIfNotExistsAsync(n, CancellationToken.None)));
        try
        {
            await creating.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            created.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, creating)); // tried again by the next append
            throw;
        }

        return service.GetTableClient(name);
    }

    internal string TableName(DateTimeOffset at) => tablePrefix + at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    internal static string PartitionKey(string tenantId, DateTimeOffset at) => tenantId + "_" + at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string RowKeyPrefix(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string partitionKey, HistoryEvent e)
    {
        var entity = new TableEntity(partitionKey, RowKeyPrefix(e.At) + "_" + e.Id)
        {
            ["Id"] = e.Id,
            ["At"] = e.At.UtcDateTime,
            ["Type"] = e.Type,
        };
        Put(entity, "AgentId", e.AgentId);
        Put(entity, "QueueId", e.QueueId);
        Put(entity, "InteractionId", e.InteractionId);
        Put(entity, "Media", e.Media?.ToString());
        Put(entity, "State", e.State);
        Put(entity, "Code", e.Code);
        Put(entity, "FromState", e.FromState);
        Put(entity, "FromCode", e.FromCode);
        Put(entity, "Target", e.Target);
        if (e.Seconds is { } seconds)
        {
            entity["Seconds"] = seconds;
        }

        return entity;
    }

    private static void Put(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static HistoryEvent FromEntity(TableEntity row)
    {
        // The time from the row key, to the tick: the key is what an event appended again replaces itself by.
        var ticks = long.Parse(row.RowKey.AsSpan(0, 19), CultureInfo.InvariantCulture);
        return new HistoryEvent(
            row.GetString("Id"),
            new DateTimeOffset(ticks, TimeSpan.Zero),
            row.GetString("Type"),
            row.GetString("AgentId"),
            row.GetString("QueueId"),
            row.GetString("InteractionId"),
            Enum.TryParse<MediaType>(row.GetString("Media"), out var media) ? media : null,
            row.GetString("State"),
            row.GetString("Code"),
            row.GetString("FromState"),
            row.GetString("FromCode"),
            row.GetDouble("Seconds"),
            row.GetString("Target"));
    }
}
