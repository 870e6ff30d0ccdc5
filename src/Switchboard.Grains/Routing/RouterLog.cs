using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Routing;

internal static partial class RouterLog
{
    [LoggerMessage(4001, LogLevel.Debug, "Queue {TenantId}/{QueueId}: {InteractionId} offered to {AgentId}")]
    public static partial void Offered(ILogger logger, string tenantId, string queueId, string interactionId, string agentId);

    [LoggerMessage(4002, LogLevel.Information, "Queue {TenantId}/{QueueId}: {InteractionId} did not move to the overflow queue (a consult, or no longer waiting)")]
    public static partial void OverflowSkipped(ILogger logger, string tenantId, string queueId, string interactionId);

    [LoggerMessage(4003, LogLevel.Error, "Queue {TenantId}/{QueueId} does not exist: {InteractionId} cannot wait in it")]
    public static partial void QueueGone(ILogger logger, string tenantId, string queueId, string interactionId);

    [LoggerMessage(4004, LogLevel.Warning, "Queue {TenantId}/{QueueId}: overflow queue {TargetId} does not exist or carries another medium; waiting work stays")]
    public static partial void OverflowTargetMissing(ILogger logger, string tenantId, string queueId, string targetId);
}
