using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>
/// An Orleans reminder table on Azure Table Storage (or Azurite). Rows are partitioned by service id and grain hash (see
/// <see cref="ReminderRowKeys"/>), so a hash-range read is a partition-key range query, and services sharing a table
/// never see each other's rows.
/// </summary>
/// <remarks>
/// As in Orleans's providers, <see cref="UpsertRow(ReminderEntry, CancellationToken)"/> writes unconditionally and returns
/// the new ETag, while <see cref="RemoveRow(GrainId, string, string, CancellationToken)"/> deletes only if the ETag still
/// matches. Transient faults are retried by the Azure.Core pipeline (<see cref="AzureTableGrainStorageOptions.CreateClientOptions"/>),
/// which never retries 404, 409 or 412.
/// </remarks>
public sealed class AzureTableReminderTable : IReminderTable
{
    private const int MaxBatch = 100;

    private readonly string serviceId;
    private readonly string partitionPrefix;
    private readonly TableClient table;
    private readonly ILogger logger;
    private readonly OnceOnSuccess tableCreation;

    public AzureTableReminderTable(AzureTableReminderOptions options, ILogger<AzureTableReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        new AzureTableReminderOptionsValidator(options).ValidateConfiguration();
        this.logger = logger;
        // Copied, not kept: a later change to the options object must not move rows to other keys mid-flight.
        serviceId = options.ServiceId;
        partitionPrefix = ReminderRowKeys.PartitionPrefix(serviceId);
        var service = options.TableServiceClient ?? new TableServiceClient(options.ConnectionString, AzureTableGrainStorageOptions.CreateClientOptions());
        table = service.GetTableClient(options.TableName);
        tableCreation = new OnceOnSuccess(CreateTableAsync);
    }

    /// <summary>The table this reminder table stores rows in.</summary>
    public string TableName => table.Name;

    /// <summary>The service whose rows this instance reads and writes.</summary>
    public string ServiceId => serviceId;

    public Task Init() => StartAsync(CancellationToken.None);

    /// <summary>Creates the table if missing (called by the reminder service when it starts).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureTableAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Creates the table if it does not exist, once per instance. Every operation awaits it too; a failed attempt is retried
    /// by the next caller instead of being cached.
    /// </summary>
    public Task EnsureTableAsync(CancellationToken cancellationToken = default) => tableCreation.RunAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        var partitionKey = ReminderRowKeys.PartitionKey(partitionPrefix, grainId);
        var grain = grainId.ToString();
        // A partition holds every grain of this service with the same hash; the stored grain id picks this one's rows
        // (a prefix query on the row key would miss hashed row keys).
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and GrainId eq {grain}");
        var entries = await QueryAsync("ReadRows(grain)", filter, cancellationToken).ConfigureAwait(false);
        return new ReminderTableData(entries);
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// The rows whose grain hash is in <c>(begin, end]</c>; when <paramref name="begin"/> ≥ <paramref name="end"/> the range
    /// wraps around: hashes above <paramref name="begin"/> or at most <paramref name="end"/> (so <c>begin == end</c> is the whole ring).
    /// </summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        List<ReminderEntry> entries;
        if (begin < end)
        {
            entries = await QueryHashRangeAsync(begin, inclusiveLow: false, end, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var high = QueryHashRangeAsync(begin, inclusiveLow: false, uint.MaxValue, cancellationToken);
            var low = QueryHashRangeAsync(0, inclusiveLow: true, end, cancellationToken);
            var both = await Task.WhenAll(high, low).ConfigureAwait(false);
            entries = [.. both[0], .. both[1]];
        }

        ReminderTableLog.ReadRange(logger, begin, end, entries.Count);
        return new ReminderTableData(entries);
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>The reminder, or <see langword="null"/> if there is none (as Orleans's own tables return).</summary>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        NullableResponse<ReminderRowEntity> response;
        try
        {
            response = await table.GetEntityIfExistsAsync<ReminderRowEntity>(
                ReminderRowKeys.PartitionKey(partitionPrefix, grainId), ReminderRowKeys.RowKey(grainId, reminderName), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            ReminderTableLog.Failed(logger, "ReadRow", table.Name, ex);
            throw;
        }

        if (!response.HasValue || response.Value is not { } entity
            || entity.ServiceId != serviceId || entity.GrainId != grainId.ToString() || entity.ReminderName != reminderName)
        {
            return null;
        }

        return ToEntry(entity);
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Writes the reminder whatever is stored (the entry's ETag is ignored) and returns the row's new ETag.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        var hash = entry.GrainId.GetUniformHashCode();
        var startAt = entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : entry.StartAt;
        var entity = new ReminderRowEntity
        {
            PartitionKey = ReminderRowKeys.PartitionKey(partitionPrefix, hash),
            RowKey = ReminderRowKeys.RowKey(entry.GrainId, entry.ReminderName),
            ServiceId = serviceId,
            GrainId = entry.GrainId.ToString(),
            ReminderName = entry.ReminderName,
            GrainHash = hash,
            StartAtTicks = startAt.Ticks,
            PeriodTicks = entry.Period.Ticks,
        };
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);

        Response response;
        try
        {
            response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            ReminderTableLog.Failed(logger, "UpsertRow", table.Name, ex);
            throw;
        }

        var eTag = response.Headers.ETag?.ToString() is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("The table service acknowledged the write without an ETag.");
        ReminderTableLog.Upserted(logger, entry.ReminderName, entry.GrainId, eTag);
        return eTag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>
    /// Deletes the reminder if its ETag is still <paramref name="eTag"/>. False, with the row untouched, when the ETag is
    /// stale (412), the row is gone (404), or no ETag is given (an empty or <c>*</c> ETag would delete unconditionally).
    /// </summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (string.IsNullOrEmpty(eTag) || eTag == ETag.All.ToString())
        {
            ReminderTableLog.Removed(logger, reminderName, grainId, eTag, removed: false);
            return false;
        }

        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        bool removed;
        try
        {
            var response = await table.DeleteEntityAsync(
                ReminderRowKeys.PartitionKey(partitionPrefix, grainId), ReminderRowKeys.RowKey(grainId, reminderName), new ETag(eTag), cancellationToken).ConfigureAwait(false);
            // Azure.Data.Tables reports a missing entity as a 404 response rather than an exception.
            removed = response.Status is >= 200 and < 300;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 || (ex.Status is 404 && ex.ErrorCode is not "TableNotFound"))
        {
            removed = false;
        }
        catch (RequestFailedException ex)
        {
            ReminderTableLog.Failed(logger, "RemoveRow", table.Name, ex);
            throw;
        }

        ReminderTableLog.Removed(logger, reminderName, grainId, eTag, removed);
        return removed;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Deletes every row of this service (other services' rows in the same table are kept).</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"ServiceId eq {serviceId}");
        var rows = new List<ReminderRowEntity>();
        await foreach (var row in table.QueryAsync<ReminderRowEntity>(filter, select: [nameof(ReminderRowEntity.PartitionKey), nameof(ReminderRowEntity.RowKey)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var batches = rows.GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxBatch))
            .Select(chunk => table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), cancellationToken));
        await Task.WhenAll(batches).ConfigureAwait(false);
    }

    private Task<List<ReminderEntry>> QueryHashRangeAsync(uint low, bool inclusiveLow, uint high, CancellationToken cancellationToken)
    {
        var lowKey = ReminderRowKeys.PartitionKey(partitionPrefix, low);
        var highKey = ReminderRowKeys.PartitionKey(partitionPrefix, high);
        var filter = inclusiveLow
            ? TableClient.CreateQueryFilter($"PartitionKey ge {lowKey} and PartitionKey le {highKey} and ServiceId eq {serviceId}")
            : TableClient.CreateQueryFilter($"PartitionKey gt {lowKey} and PartitionKey le {highKey} and ServiceId eq {serviceId}");
        return QueryAsync("ReadRows(range)", filter, cancellationToken);
    }

    private async Task<List<ReminderEntry>> QueryAsync(string operation, string filter, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        try
        {
            await foreach (var entity in table.QueryAsync<ReminderRowEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (ToEntry(entity) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }
        catch (RequestFailedException ex)
        {
            ReminderTableLog.Failed(logger, operation, table.Name, ex);
            throw;
        }

        return entries;
    }

    private ReminderEntry? ToEntry(ReminderRowEntity entity)
    {
        if (entity.ServiceId != serviceId || !GrainId.TryParse(entity.GrainId, out var grainId))
        {
            ReminderTableLog.Unreadable(logger, table.Name, entity.PartitionKey, entity.RowKey);
            return null;
        }

        return new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = entity.ReminderName,
            StartAt = new DateTime(entity.StartAtTicks, DateTimeKind.Utc),
            Period = TimeSpan.FromTicks(entity.PeriodTicks),
            ETag = entity.ETag.ToString(),
        };
    }

    private async Task CreateTableAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Not the caller's token: the task is shared, and one caller giving up must not fail it for the others.
            await table.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
            ReminderTableLog.TableReady(logger, table.Name, serviceId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            ReminderTableLog.TableFailed(logger, table.Name, ex);
            throw;
        }
    }
}
