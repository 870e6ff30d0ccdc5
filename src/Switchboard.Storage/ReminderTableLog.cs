using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>The log messages of <see cref="AzureTableReminderTable"/> (source-generated: no cost when the level is off).</summary>
internal static partial class ReminderTableLog
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Azure Table reminder table {Table} for service {ServiceId} ready in {ElapsedMs} ms")]
    public static partial void TableReady(ILogger logger, string table, string serviceId, long elapsedMs);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Azure Table reminder table: could not create table {Table}")]
    public static partial void TableFailed(ILogger logger, string table, Exception exception);

    [LoggerMessage(EventId = 303, Level = LogLevel.Trace, Message = "Upserted reminder {ReminderName} of {GrainId}: etag {ETag}")]
    public static partial void Upserted(ILogger logger, string reminderName, GrainId grainId, string eTag);

    [LoggerMessage(EventId = 304, Level = LogLevel.Trace, Message = "Removed reminder {ReminderName} of {GrainId} (etag {ETag}): {Removed}")]
    public static partial void Removed(ILogger logger, string reminderName, GrainId grainId, string? eTag, bool removed);

    [LoggerMessage(EventId = 305, Level = LogLevel.Trace, Message = "Read {Count} reminders in ({Begin}, {End}]")]
    public static partial void ReadRange(ILogger logger, uint begin, uint end, int count);

    [LoggerMessage(EventId = 306, Level = LogLevel.Error, Message = "{Operation} on reminder table {Table} failed")]
    public static partial void Failed(ILogger logger, string operation, string table, Exception exception);

    [LoggerMessage(EventId = 307, Level = LogLevel.Warning, Message = "Reminder table {Table}: skipped row {PartitionKey}/{RowKey}, which cannot be read as a reminder")]
    public static partial void Unreadable(ILogger logger, string table, string partitionKey, string rowKey);
}
