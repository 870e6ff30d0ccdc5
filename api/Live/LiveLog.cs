namespace Switchboard.Api.Live;

internal static partial class LiveLog
{
    [LoggerMessage(10300, LogLevel.Warning, "Unsubscribing from live stream {StreamId} failed")]
    public static partial void UnsubscribeFailed(ILogger logger, Exception exception, string streamId);

    [LoggerMessage(10301, LogLevel.Error, "Fanning out an event of live stream {StreamId} failed")]
    public static partial void FanOutFailed(ILogger logger, Exception exception, string streamId);

    [LoggerMessage(10302, LogLevel.Information, "Live socket of session {SessionId} closed with {Code}: {Reason}")]
    public static partial void SocketClosed(ILogger logger, string sessionId, int code, string? reason);

    [LoggerMessage(10303, LogLevel.Warning, "Live socket of session {SessionId} failed")]
    public static partial void SocketFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(10304, LogLevel.Warning, "Snapshot of topic {Topic} for session {SessionId} failed")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception, string topic, string sessionId);

    [LoggerMessage(10305, LogLevel.Information, "Connection to the cluster recovered: renewing {Feeds} live stream subscriptions and resyncing {Sessions} sessions")]
    public static partial void Renewing(ILogger logger, int feeds, int sessions);

    [LoggerMessage(10306, LogLevel.Warning, "Renewing live stream subscriptions failed")]
    public static partial void RenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(10307, LogLevel.Debug, "Live event {LiveEventId} of stream {StreamId} was delivered again and dropped")]
    public static partial void DuplicateDropped(ILogger logger, Guid liveEventId, string streamId);

    [LoggerMessage(10308, LogLevel.Information, "Shutting down: closing the live sockets of {Sessions} sessions with 1001")]
    public static partial void GoingAway(ILogger logger, int sessions);

    [LoggerMessage(10309, LogLevel.Warning, "Registering this host for pushed live events failed; tried again shortly, and events come through the streams meanwhile")]
    public static partial void PushRegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(10310, LogLevel.Information, "Unregistering this host from pushed live events as it stops failed; its entry expires by itself")]
    public static partial void PushUnregistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(10311, LogLevel.Warning, "Resyncing live session {SessionId} after lost events failed; its client resyncs when it reconnects")]
    public static partial void ResyncFailed(ILogger logger, Exception exception, string sessionId);
}
