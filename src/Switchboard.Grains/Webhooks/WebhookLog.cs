using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(13001, LogLevel.Warning, "Webhooks of tenant {TenantId}: event {EventId} could not be stored for every endpoint; the stream delivers it again")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string tenantId, string eventId);

    [LoggerMessage(13002, LogLevel.Warning, "Webhook endpoint {TenantId}/{EndpointId} disabled: {Reason}")]
    public static partial void Disabled(ILogger logger, string tenantId, string endpointId, string reason);
}
