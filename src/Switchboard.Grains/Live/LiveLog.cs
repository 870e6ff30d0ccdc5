using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Live;

internal static partial class LiveLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Live event on stream {Kind} of tenant {TenantId} not published; consoles see the change on their next snapshot")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string kind, string tenantId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Live events on stream {Kind} of tenant {TenantId} not published yet ({Count} waiting); kept and tried again")]
    public static partial void PublishDelayed(ILogger logger, Exception exception, string kind, string tenantId, int count);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Live event {EventId} on stream {Kind} of tenant {TenantId} dropped unpublished: too many wait behind a stream that cannot be reached")]
    public static partial void UnpublishedDropped(ILogger logger, string kind, string tenantId, Guid eventId);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "Pushing a live event of tenant {TenantId} to an API host failed; its stream carries it")]
    public static partial void PushFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Reading the API hosts that take pushed live events failed; events reach them through their streams")]
    public static partial void HostsUnread(ILogger logger, Exception exception);
}
