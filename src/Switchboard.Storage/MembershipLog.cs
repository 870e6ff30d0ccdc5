using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>The log messages of <see cref="AzureTableMembershipTable"/> and <see cref="AzureTableGatewayListProvider"/>.</summary>
internal static partial class MembershipLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Azure Table membership: table {Table} ready for cluster {ClusterId} (version row initialized: {VersionRowCreated})")]
    public static partial void Initialized(ILogger logger, string table, string clusterId, bool versionRowCreated);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "{Operation} of {Silo} at table version {Version}: {Outcome}")]
    public static partial void Write(ILogger logger, string operation, SiloAddress silo, TableVersion version, string outcome);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Removed {Count} dead silo rows of cluster {ClusterId} older than {Cutoff:O}")]
    public static partial void Cleaned(ILogger logger, int count, string clusterId, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Deleted {Count} membership rows of cluster {ClusterId}")]
    public static partial void Deleted(ILogger logger, int count, string clusterId);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Azure Table membership: {Operation} failed")]
    public static partial void Failed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 106, Level = LogLevel.Debug, Message = "Azure Table gateway list of cluster {ClusterId}: {Count} gateways")]
    public static partial void Gateways(ILogger logger, string clusterId, int count);
}
