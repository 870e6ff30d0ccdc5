using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Alerts;

internal static partial class AlertLog
{
    [LoggerMessage(8001, LogLevel.Information, "Broadcast {TenantId}/{BroadcastId} sent to {Recipients} agent(s)")]
    public static partial void Sent(ILogger logger, string tenantId, string broadcastId, int recipients);

    [LoggerMessage(8002, LogLevel.Warning, "Broadcast {TenantId}/{BroadcastId} could not reach the inbox of agent {AgentId}; will retry")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string tenantId, string broadcastId, string agentId);

    [LoggerMessage(8003, LogLevel.Warning, "Broadcast {TenantId}/{BroadcastId}: recording its progress failed; will retry")]
    public static partial void ProgressNotStored(ILogger logger, Exception exception, string tenantId, string broadcastId);

    [LoggerMessage(8004, LogLevel.Warning, "Broadcast {TenantId}/{BroadcastId}: adding it to the tenant's list failed; will retry")]
    public static partial void IndexFailed(ILogger logger, Exception exception, string tenantId, string broadcastId);

    [LoggerMessage(8005, LogLevel.Warning, "Broadcast {TenantId}/{BroadcastId}: the read receipt of agent {AgentId} was not stored")]
    public static partial void ReceiptNotStored(ILogger logger, Exception exception, string tenantId, string broadcastId, string agentId);
}
