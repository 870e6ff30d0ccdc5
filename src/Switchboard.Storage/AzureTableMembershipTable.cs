using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>
/// Orleans membership on Azure Table Storage (or Azurite): one partition per cluster id with a version row and one row per
/// silo (see <see cref="MembershipRows"/>).
/// </summary>
/// <remarks>
/// Inserts and updates are one entity-group transaction that changes the silo row and the version row, conditioned on both
/// ETags (the silo row's for an update, "must not exist" for an insert), so a conflict returns <see langword="false"/> and
/// changes nothing. <see cref="UpdateIAmAliveAsync"/> is a blind merge of one property and never touches the version.
/// Transient faults are retried by the Azure.Core pipeline (<see cref="AzureTableGrainStorageOptions.CreateClientOptions"/>),
/// which never retries 404, 409 or 412.
/// </remarks>
public sealed class AzureTableMembershipTable : IMembershipTable
{
    private const int DeleteParallelism = 16;

    private readonly string clusterId;
    private readonly string partitionKey;
    private readonly TableClient table;
    private readonly ILogger logger;

    public AzureTableMembershipTable(
        IOptions<ClusterOptions> clusterOptions,
        IOptions<AzureTableClusteringOptions> options,
        ILogger<AzureTableMembershipTable> logger)
    {
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        (clusterId, partitionKey, table) = ClusterTable.Open(options.Value, clusterOptions.Value.ClusterId);
        this.logger = logger;
    }

    /// <summary>The table holding the rows.</summary>
    public string TableName => table.Name;

    /// <summary>The cluster whose partition this instance reads and writes.</summary>
    public string ClusterId => clusterId;

    [Obsolete("Use InitializeMembershipTableAsync instead.")]
    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    /// <summary>Creates the table if missing and, when <paramref name="tryInitTableVersion"/>, the version row (version 0) if missing.</summary>
    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var created = false;
        if (tryInitTableVersion)
        {
            try
            {
                await table.AddEntityAsync(MembershipRows.VersionRow(partitionKey, 0), cancellationToken).ConfigureAwait(false);
                created = true;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
                // Another silo got there first: the version row exists, which is all that is needed.
            }
        }

        MembershipLog.Initialized(logger, table.Name, clusterId, created);
    }

    [Obsolete("Use DeleteMembershipTableEntriesAsync instead.")]
    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    /// <summary>Deletes every row (version row included) of <paramref name="clusterId"/>'s partition; other clusters are untouched.</summary>
    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        var partition = MembershipRows.PartitionKey(clusterId);
        var rows = await QueryAsync($"PartitionKey eq '{Escape(partition)}'", cancellationToken, [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)]).ConfigureAwait(false);
        await DeleteAsync(rows, useETag: false, cancellationToken).ConfigureAwait(false);
        MembershipLog.Deleted(logger, rows.Count, clusterId);
    }

    [Obsolete("Use CleanupDefunctSiloEntriesAsync instead.")]
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    /// <summary>Removes the Dead silo rows whose IAmAliveTime is strictly older than <paramref name="beforeDate"/>.</summary>
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        var cutoff = beforeDate.UtcDateTime;
        var dead = await QueryAsync(
            $"PartitionKey eq '{Escape(partitionKey)}' and {MembershipRows.StatusProperty} eq '{nameof(SiloStatus.Dead)}'",
            cancellationToken).ConfigureAwait(false);
        var defunct = dead.Where(row => !MembershipRows.IsVersionRow(row) && MembershipRows.IAmAliveTime(row) < cutoff).ToList();
        // Each delete is conditioned on the ETag read here: a row rewritten in the meantime is left alone.
        await DeleteAsync(defunct, useETag: true, cancellationToken).ConfigureAwait(false);
        MembershipLog.Cleaned(logger, defunct.Count, clusterId, beforeDate);
    }

    [Obsolete("Use ReadRowAsync instead.")]
    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    /// <summary>The silo's row (if any) and the table version, read in one query.</summary>
    public async Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var rows = await QueryAsync(
            $"PartitionKey eq '{Escape(partitionKey)}' and (RowKey eq '{MembershipRows.VersionRowKey}' or RowKey eq '{Escape(MembershipRows.RowKey(key))}')",
            cancellationToken).ConfigureAwait(false);
        return ToData(rows);
    }

    [Obsolete("Use ReadAllAsync instead.")]
    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    /// <summary>Every silo row of the cluster and the table version (all pages of the query).</summary>
    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"PartitionKey eq '{Escape(partitionKey)}'", cancellationToken).ConfigureAwait(false);
        return ToData(rows);
    }

    [Obsolete("Use InsertRowAsync instead.")]
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    /// <summary>Adds the silo row and moves the version row to <paramref name="tableVersion"/>, atomically; false on any conflict.</summary>
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        var silo = new TableTransactionAction(TableTransactionActionType.Add, MembershipRows.SiloRow(partitionKey, entry));
        return WriteAsync("InsertRow", entry, silo, tableVersion, cancellationToken);
    }

    [Obsolete("Use UpdateRowAsync instead.")]
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    /// <summary>Replaces the silo row if its ETag is <paramref name="etag"/> and moves the version row to <paramref name="tableVersion"/>, atomically.</summary>
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (string.IsNullOrEmpty(etag))
        {
            MembershipLog.Write(logger, "UpdateRow", entry.SiloAddress, tableVersion, "rejected: no row ETag");
            return Task.FromResult(false);
        }

        var silo = new TableTransactionAction(TableTransactionActionType.UpdateReplace, MembershipRows.SiloRow(partitionKey, entry), new ETag(etag));
        return WriteAsync("UpdateRow", entry, silo, tableVersion, cancellationToken);
    }

    [Obsolete("Use UpdateIAmAliveAsync instead.")]
    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    /// <summary>A blind merge of the IAmAliveTime property of the silo's row; the version row is not touched.</summary>
    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.SiloAddress);
        await table.UpdateEntityAsync(MembershipRows.IAmAliveRow(partitionKey, entry), ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> WriteAsync(string operation, MembershipEntry entry, TableTransactionAction siloAction, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        var versionRow = MembershipRows.VersionRow(partitionKey, tableVersion.Version);
        var versionETag = MembershipRows.ToETag(tableVersion.VersionEtag);
        var versionAction = versionETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, versionRow, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, versionRow);
        try
        {
            await table.SubmitTransactionAsync([versionAction, siloAction], cancellationToken).ConfigureAwait(false);
            MembershipLog.Write(logger, operation, entry.SiloAddress, tableVersion, "done");
            return true;
        }
        catch (RequestFailedException ex) when (IsConflict(ex))
        {
            MembershipLog.Write(logger, operation, entry.SiloAddress, tableVersion, $"rejected ({ex.Status} {ex.ErrorCode})");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MembershipLog.Failed(logger, operation, ex);
            throw;
        }
    }

    private static bool IsConflict(RequestFailedException ex) =>
        ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound;

    private MembershipTableData ToData(List<TableEntity> rows)
    {
        TableEntity? versionRow = null;
        var members = new List<Tuple<MembershipEntry, string>>(rows.Count);
        foreach (var row in rows)
        {
            if (MembershipRows.IsVersionRow(row))
            {
                versionRow = row;
            }
            else
            {
                members.Add(Tuple.Create(MembershipRows.ToEntry(row), row.ETag.ToString()));
            }
        }

        return new MembershipTableData(members, MembershipRows.ToTableVersion(versionRow));
    }

    // AsyncPageable follows the continuation tokens, so every page (Azure returns at most 1,000 rows each) is read.
    private async Task<List<TableEntity>> QueryAsync(string filter, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task DeleteAsync(List<TableEntity> rows, bool useETag, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = DeleteParallelism, CancellationToken = cancellationToken },
            async (row, token) =>
            {
                try
                {
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, useETag ? row.ETag : ETag.All, token).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
                {
                    // Already gone, or changed since it was read (then it is no longer ours to delete).
                }
            }).ConfigureAwait(false);
    }

    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
