using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>The log messages of <see cref="AzureTableGrainStorage"/> (source-generated: no cost when the level is off).</summary>
internal static partial class GrainStorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Azure Table grain storage '{Provider}': table {Table} ready in {ElapsedMs} ms")]
    public static partial void TableReady(ILogger logger, string provider, string table, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Azure Table grain storage '{Provider}': could not create table {Table}")]
    public static partial void TableFailed(ILogger logger, string provider, string table, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Trace, Message = "Read {StateName} of {GrainId}: found={Found} etag={ETag}")]
    public static partial void Read(ILogger logger, string stateName, GrainId grainId, bool found, string? eTag);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "Wrote {StateName} of {GrainId}: {Bytes} bytes, etag {OldETag} -> {NewETag}")]
    public static partial void Wrote(ILogger logger, string stateName, GrainId grainId, int bytes, string? oldETag, string newETag);

    [LoggerMessage(EventId = 5, Level = LogLevel.Trace, Message = "Cleared {StateName} of {GrainId} (etag {ETag})")]
    public static partial void Cleared(ILogger logger, string stateName, GrainId grainId, string? eTag);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Operation} of {StateName} of {GrainId} rejected: ETag {ETag} does not match the stored row ({Reason})")]
    public static partial void Inconsistent(ILogger logger, string operation, string stateName, GrainId grainId, string? eTag, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "{Operation} of {StateName} of {GrainId} failed")]
    public static partial void Failed(ILogger logger, string operation, string stateName, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Write of {StateName} of {GrainId} rejected: {Size} bytes over the limit of {Limit}")]
    public static partial void TooLarge(ILogger logger, string stateName, GrainId grainId, long size, long limit);
}
