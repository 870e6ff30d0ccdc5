using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Queues;

internal static partial class QueueLog
{
    [LoggerMessage(1101, LogLevel.Information, "Queue {TenantId}/{QueueId} created")]
    public static partial void Created(ILogger logger, string tenantId, string queueId);

    [LoggerMessage(1102, LogLevel.Information, "Queue {TenantId}/{QueueId} deleted")]
    public static partial void Deleted(ILogger logger, string tenantId, string queueId);
}
