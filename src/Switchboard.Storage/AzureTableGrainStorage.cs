using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Switchboard.Storage;

/// <summary>
/// Orleans grain storage on Azure Table Storage (or Azurite): one entity per (service, grain, state name), the state as
/// System.Text.Json split over binary properties, and ETag optimistic concurrency.
/// </summary>
/// <remarks>
/// Concurrency follows the Orleans contract. A write without an ETag inserts and fails if the row exists; a write with
/// one replaces the row only if the ETag still matches. Clear deletes the row, conditioned on the ETag; without an ETag
/// it succeeds only if there is no row. Every rejection is an <see cref="InconsistentStateException"/> and leaves the row
/// as it was. Transient faults are retried by the Azure.Core pipeline (see
/// <see cref="AzureTableGrainStorageOptions.CreateClientOptions"/>), which never retries 404, 409 or 412.
/// </remarks>
public sealed class AzureTableGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>
    /// System.Text.Json's defaults, except that non-ASCII text is written as is: the state is never embedded in HTML, and
    /// escaping every Cyrillic or CJK character as <c>\uXXXX</c> would triple its size against the 1 MiB entity limit.
    /// </summary>
    private static readonly JsonSerializerOptions DefaultSerializer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] ExistenceProbe = [GrainStateEntity.DataLengthProperty];

    private readonly string name;
    private readonly string serviceId;
    private readonly int maxStateBytes;
    private readonly JsonSerializerOptions serializer;
    private readonly IGrainStorageSerializer? orleansSerializer;
    private readonly TableClient table;
    private readonly ILogger logger;
    private readonly OnceOnSuccess tableCreation;

    public AzureTableGrainStorage(string name, AzureTableGrainStorageOptions options, ILogger<AzureTableGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        new AzureTableGrainStorageOptionsValidator(options, name).ValidateConfiguration();
        this.name = name;
        this.logger = logger;
        // Copied, not kept: a later change to the options object must not move rows to other keys mid-flight.
        serviceId = options.ServiceId;
        maxStateBytes = options.MaxStateBytes;
        serializer = options.Serializer ?? DefaultSerializer;
        orleansSerializer = options.GrainStorageSerializer;
        var service = options.TableServiceClient ?? new TableServiceClient(options.ConnectionString, AzureTableGrainStorageOptions.CreateClientOptions());
        table = service.GetTableClient(options.TableName);
        tableCreation = new OnceOnSuccess(CreateTableAsync);
    }

    /// <summary>The table this provider stores rows in.</summary>
    public string TableName => table.Name;

    /// <summary>Creates the table at silo start-up (ApplicationServices stage), so a bad account fails the start, not the first grain.</summary>
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(OptionFormattingUtilities.Name<AzureTableGrainStorage>(name), ServiceLifecycleStage.ApplicationServices, EnsureTableAsync);
    }

    /// <summary>
    /// Creates the table if it does not exist, once per instance. Every operation awaits it too, so the provider also works
    /// outside a silo lifecycle; a failed attempt is retried by the next caller instead of being cached.
    /// </summary>
    public Task EnsureTableAsync(CancellationToken cancellationToken = default) => tableCreation.RunAsync(cancellationToken);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var keys = GrainStateKeys.For(serviceId, grainId, stateName);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);

        NullableResponse<TableEntity> response;
        try
        {
            response = await table.GetEntityIfExistsAsync<TableEntity>(keys.PartitionKey, keys.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            GrainStorageLog.Failed(logger, "Read", stateName, grainId, ex);
            throw;
        }

        if (!response.HasValue || response.Value is null)
        {
            grainState.State = StateFactory<T>.Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
            GrainStorageLog.Read(logger, stateName, grainId, found: false, eTag: null);
            return;
        }

        var entity = response.Value;
        VerifyFullKeys(entity, keys, grainId, stateName);
        var data = GrainStateEntity.ReadData(entity, grainId, stateName);
        T? state;
        try
        {
            state = orleansSerializer is null ? JsonSerializer.Deserialize<T>(data, serializer) : orleansSerializer.Deserialize<T>(new BinaryData(data));
        }
        catch (Exception ex) when (ex is JsonException or Orleans.Serialization.SerializerException or InvalidOperationException)
        {
            throw new OrleansException($"Grain state '{stateName}' of {grainId} in table {table.Name} cannot be read as {typeof(T)}: {ex.Message}", ex);
        }

        grainState.State = state ?? StateFactory<T>.Create();
        grainState.ETag = entity.ETag.ToString();
        grainState.RecordExists = true;
        GrainStorageLog.Read(logger, stateName, grainId, found: true, grainState.ETag);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var keys = GrainStateKeys.For(serviceId, grainId, stateName);
        var entity = CreateEntity(keys, grainState.State, grainId, stateName);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);

        var eTag = grainState.ETag;
        Response response;
        try
        {
            response = string.IsNullOrEmpty(eTag)
                ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsConcurrencyConflict(ex.Status, ex.ErrorCode))
        {
            var reason = ex.Status == 409 ? "the row already exists" : ex.Status == 404 ? "the row no longer exists" : "the row has changed";
            throw Inconsistent("Write", stateName, grainId, eTag, reason, ex);
        }
        catch (RequestFailedException ex)
        {
            GrainStorageLog.Failed(logger, "Write", stateName, grainId, ex);
            throw;
        }

        grainState.ETag = NewETag(response);
        grainState.RecordExists = true;
        GrainStorageLog.Wrote(logger, stateName, grainId, entity.GetInt32(GrainStateEntity.DataLengthProperty) ?? 0, eTag, grainState.ETag);
    }

    /// <summary>
    /// Deletes the row. With an ETag the delete is conditional, and a changed (412) or vanished (404) row is an
    /// inconsistency, as in Orleans's provider with <c>DeleteStateOnClear</c>. Without an ETag the caller believes there is
    /// no row: that is checked with a point read, and a row found is an inconsistency too (Orleans's provider skips the
    /// check; a stale activation must not believe it cleared someone else's state). Afterwards the state is a fresh
    /// instance, the ETag null and <c>RecordExists</c> false, exactly what a read of the missing row returns.
    /// </summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var keys = GrainStateKeys.For(serviceId, grainId, stateName);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);

        var eTag = grainState.ETag;
        try
        {
            if (string.IsNullOrEmpty(eTag))
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(keys.PartitionKey, keys.RowKey, ExistenceProbe, cancellationToken).ConfigureAwait(false);
                if (existing.HasValue)
                {
                    throw Inconsistent("Clear", stateName, grainId, eTag, "a row exists but the caller has no ETag for it", inner: null);
                }
            }
            else
            {
                // The SDK reports a delete of a missing row as a 404 response, not an exception (deletes are idempotent to it).
                var response = await table.DeleteEntityAsync(keys.PartitionKey, keys.RowKey, new ETag(eTag), cancellationToken).ConfigureAwait(false);
                if (response.Status == 404)
                {
                    var errorCode = response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;
                    if (!IsConcurrencyConflict(404, errorCode))
                    {
                        throw new RequestFailedException(response);
                    }

                    throw Inconsistent("Clear", stateName, grainId, eTag, "the row no longer exists", inner: null);
                }
            }
        }
        catch (RequestFailedException ex) when (IsConcurrencyConflict(ex.Status, ex.ErrorCode))
        {
            throw Inconsistent("Clear", stateName, grainId, eTag, ex.Status == 404 ? "the row no longer exists" : "the row has changed", ex);
        }
        catch (RequestFailedException ex)
        {
            GrainStorageLog.Failed(logger, "Clear", stateName, grainId, ex);
            throw;
        }

        grainState.State = StateFactory<T>.Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        GrainStorageLog.Cleared(logger, stateName, grainId, eTag);
    }

    /// <summary>
    /// 412: the ETag no longer matches; 409 on insert: the row exists; 404 on a conditional update or delete: the row is
    /// gone. A missing or disappearing table also answers 404/409, but that is an outage, not a concurrency conflict.
    /// </summary>
    private static bool IsConcurrencyConflict(int status, string? errorCode) =>
        status switch
        {
            412 => true,
            409 => errorCode is not ("TableBeingDeleted" or "TableAlreadyExists"),
            404 => errorCode is not "TableNotFound",
            _ => false,
        };

    private static string NewETag(Response response) =>
        response.Headers.ETag?.ToString() is { Length: > 0 } eTag
            ? eTag
            : throw new InvalidOperationException("The table service acknowledged the write without an ETag.");

    /// <summary>
    /// A hashed key (id longer than Azure's key limit) could, in theory, collide; the full key stored with the row tells.
    /// Writes need no check: an insert into a colliding row fails with 409, and an ETag only ever comes from a checked read.
    /// </summary>
    private void VerifyFullKeys(TableEntity entity, GrainStateKeys keys, GrainId grainId, string stateName)
    {
        if ((keys.FullPartitionKey is not null && entity.GetString(GrainStateEntity.FullPartitionKeyProperty) != keys.FullPartitionKey)
            || (keys.FullRowKey is not null && entity.GetString(GrainStateEntity.FullRowKeyProperty) != keys.FullRowKey))
        {
            throw new OrleansException($"Grain state '{stateName}' of {grainId}: the row at the hashed key {keys.PartitionKey}/{keys.RowKey} in table {table.Name} belongs to another grain or state (hash collision).");
        }
    }

    private TableEntity CreateEntity<T>(GrainStateKeys keys, T state, GrainId grainId, string stateName)
    {
        var data = orleansSerializer is null ? JsonSerializer.SerializeToUtf8Bytes(state, serializer) : orleansSerializer.Serialize(state).ToArray();
        if (data.Length > maxStateBytes)
        {
            GrainStorageLog.TooLarge(logger, stateName, grainId, data.Length, maxStateBytes);
            throw new GrainStateTooLargeException(grainId.ToString(), stateName, data.Length, maxStateBytes, "the serialized state");
        }

        if (!GrainStateEntity.FullKeysFit(keys))
        {
            throw new ArgumentException($"The grain id {grainId} or state name '{stateName}' is too long to store in Azure Tables (over 32 K characters once encoded).", nameof(grainId));
        }

        var entity = GrainStateEntity.Create(keys, data);
        var size = GrainStateEntity.Size(entity);
        if (size > AzureTableGrainStorageOptions.MaxEntityBytes)
        {
            GrainStorageLog.TooLarge(logger, stateName, grainId, size, AzureTableGrainStorageOptions.MaxEntityBytes);
            throw new GrainStateTooLargeException(grainId.ToString(), stateName, size, AzureTableGrainStorageOptions.MaxEntityBytes, "the table entity (state, keys and bookkeeping)");
        }

        return entity;
    }

    private InconsistentStateException Inconsistent(string operation, string stateName, GrainId grainId, string? eTag, string reason, Exception? inner)
    {
        GrainStorageLog.Inconsistent(logger, operation, stateName, grainId, eTag, reason);
        var message = $"{operation} of grain state '{stateName}' of {grainId} in table {table.Name} with ETag {eTag ?? "(none)"} rejected: {reason}. The stored row was not changed.";
        return inner is null
            ? new InconsistentStateException(message, "Unknown", eTag ?? string.Empty)
            : new InconsistentStateException(message, "Unknown", eTag ?? string.Empty, inner);
    }

    private async Task CreateTableAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Not the caller's token: the task is shared, and one caller giving up must not fail it for the others.
            await table.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
            GrainStorageLog.TableReady(logger, name, table.Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            GrainStorageLog.TableFailed(logger, name, table.Name, ex);
            throw;
        }
    }
}
