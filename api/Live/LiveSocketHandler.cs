using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Switchboard.Api.Auth;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Api.Live;

/// <summary>
/// One WebSocket: a receive loop for client messages, a send loop that alone writes to the socket, and a heartbeat
/// on the business clock that also checks that what opened the socket still opens it.
/// </summary>
public sealed class LiveSocketHandler(LiveHub hub, SwitchboardMetrics metrics, ILogger<LiveSocketHandler> logger)
{
    /// <summary>
    /// Upgrades the request and runs its socket for <paramref name="session"/> (from <see cref="LiveHub.TryOpen"/>). A
    /// session whose upgrade fails ends at once: it never had a socket, so nothing would ever let it expire.
    /// </summary>
    public async Task AcceptAndRun(HttpContext http, LiveSession session, LiveCredential credential)
    {
        WebSocket socket;
        try
        {
            socket = await http.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            await hub.End(session);
            throw;
        }

        using (socket)
        {
            metrics.OpenSockets.Add(1);
            try
            {
                await Run(socket, session, credential, http.RequestAborted);
            }
            finally
            {
                metrics.OpenSockets.Add(-1);
            }
        }
    }

    /// <summary>Runs the socket of <paramref name="session"/> (from <see cref="LiveHub.TryOpen"/>) until it closes.</summary>
    public async Task Run(WebSocket socket, LiveSession session, LiveCredential credential, CancellationToken aborted)
    {
        var options = hub.Options;
        var connection = new LiveConnection(options.SendQueueLimit);
        var current = new StrongBox<LiveSession>(session);
        current.Value!.Attach(connection, null, null, out _);
        connection.TrySend(LiveMessages.Welcome(current.Value.Id, 0, options));
        if (hub.IsGoingAway)
        {
            connection.Close(LiveCloseCodes.GoingAway, "the server is shutting down: connect again to go on"); // upgraded as the host began to stop
        }

        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var sending = Send(socket, connection, receiving, aborted);
        var period = TimeSpan.FromSeconds(options.HeartbeatSeconds);
        using var heartbeat = hub.Time.CreateTimer(_ => _ = Beat(connection, credential), null, period, period);
        try
        {
            await Receive(socket, connection, current, receiving.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away or the server closed the socket: the session stays for resume.
        }
        catch (Exception exception)
        {
            LiveLog.SocketFailed(logger, exception, current.Value!.Id);
            connection.Close(LiveCloseCodes.ServerError, "server error");
        }
        finally
        {
            connection.Complete();
            await sending;
            hub.Detached(current.Value!, connection);
            LiveLog.SocketClosed(logger, current.Value!.Id, connection.CloseCode, connection.CloseReason);
        }
    }

    /// <summary>Reads client messages until the socket closes; <paramref name="session"/> follows a resume.</summary>
    private async Task Receive(WebSocket socket, LiveConnection connection, StrongBox<LiveSession> session, CancellationToken cancellationToken)
    {
        var options = hub.Options;
        var buffer = new byte[options.MaxClientMessageBytes];
        while (connection.CloseCode == 0)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    connection.Close(LiveCloseCodes.MessageTooBig, $"client messages are at most {options.MaxClientMessageBytes} bytes");
                    return;
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                connection.Close((int)WebSocketCloseStatus.NormalClosure, "closed by the client");
                return;
            }

            if (result.MessageType == WebSocketMessageType.Binary)
            {
                connection.TrySend(LiveMessages.Error("invalid-message", "Messages are JSON text frames."));
                continue;
            }

            if (!LiveClientMessageReader.TryRead(buffer.AsSpan(0, length), options.MaxTopicsPerSession, out var message, out var code, out var detail))
            {
                connection.TrySend(LiveMessages.Error(code, detail));
                continue;
            }

            session.Value = await Handle(message, connection, session.Value!, cancellationToken);
        }
    }

    private async Task<LiveSession> Handle(LiveClientMessage message, LiveConnection connection, LiveSession session, CancellationToken cancellationToken)
    {
        switch (message.Op)
        {
            case LiveClientMessage.Ping:
                connection.TrySend(LiveMessages.Pong(hub.Time.GetUtcNow()));
                return session;

            case LiveClientMessage.Unsubscribe:
                await hub.Unsubscribe(session, message.Topics);
                return session;
        }

        if (message.Session is { } resumeId && message.ResumeFrom is { } from && resumeId != session.Id)
        {
            session = await Resume(connection, session, resumeId, from, cancellationToken);
        }
        else if (message.ResumeFrom is { } sameFrom && session.LastSeq != sameFrom)
        {
            // Its own session on this socket: nothing to replay unless the client says it missed something.
            await hub.Resync(session, "resume-gap", cancellationToken);
        }

        await hub.Subscribe(session, message.Topics, cancellationToken);
        return session;
    }

    /// <summary>
    /// Moves this socket to the session it had before: the missed messages are replayed exactly if still buffered;
    /// otherwise (or if the session is gone) a <c>resync</c> and fresh snapshots.
    /// </summary>
    private async Task<LiveSession> Resume(LiveConnection connection, LiveSession fresh, string resumeId, long from, CancellationToken cancellationToken)
    {
        if (hub.Find(resumeId, fresh.Caller, fresh.CustomerChatId) is not { } previous)
        {
            await hub.Resync(fresh, "session-expired", cancellationToken);
            return fresh;
        }

        var outcome = previous.Attach(connection, from, last => LiveMessages.Resumed(previous.Id, from, last), out var replaced);
        if (outcome == ResumeOutcome.Ended)
        {
            await hub.Resync(fresh, "session-expired", cancellationToken);
            return fresh;
        }

        // The fresh session of this socket had nothing yet: it goes, the socket is the previous session's now.
        fresh.Detach(connection, hub.Time.GetUtcNow());
        await hub.End(fresh);
        replaced?.Close(LiveCloseCodes.SessionTakenOver, "the session was resumed on another socket");
        if (outcome == ResumeOutcome.Gap)
        {
            await hub.Resync(previous, "resume-gap", cancellationToken);
        }

        if (hub.IsGoingAway)
        {
            // Moved to a session the stop had already passed over: closed here so the drain does not wait for it.
            connection.Close(LiveCloseCodes.GoingAway, "the server is shutting down: connect again to go on");
        }

        return previous;
    }

    private async Task Send(WebSocket socket, LiveConnection connection, CancellationTokenSource receiving, CancellationToken requestAborted)
    {
        using var stuck = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.SendAborted);
        var aborted = stuck.Token;
        try
        {
            var outbox = connection.Outbox;
            while (await outbox.WaitToReadAsync(aborted))
            {
                while (connection.CloseCode == 0 && outbox.TryRead(out var message))
                {
                    // The session's seq goes in front of the shared body here, in a pooled buffer: nothing is copied per
                    // session until the moment it is sent.
                    var length = message.Length;
                    var frame = ArrayPool<byte>.Shared.Rent(length);
                    try
                    {
                        message.CopyTo(frame);
                        await socket.SendAsync(frame.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, aborted);
                        metrics.EventsSent.Add(1);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(frame);
                    }
                }

                if (connection.CloseCode != 0)
                {
                    break;
                }
            }

            if (connection.CloseCode != 0 && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var grace = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                grace.CancelAfter(LiveConnection.CloseGrace);
                await socket.CloseOutputAsync((WebSocketCloseStatus)connection.CloseCode, connection.CloseReason, grace.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The peer is gone.
        }
        finally
        {
            // A client that does not answer the close handshake is not waited for.
            receiving.CancelAfter(LiveConnection.CloseGrace);
        }
    }

    private async Task Beat(LiveConnection connection, LiveCredential credential)
    {
        try
        {
            if (!connection.TakeActivity())
            {
                connection.TrySend(LiveMessages.Heartbeat(hub.Time.GetUtcNow()), activity: false);
            }

            if (!await credential.StillValid(CancellationToken.None))
            {
                connection.Close(credential.CloseCode, credential.CloseReason);
            }
        }
        catch (Exception exception)
        {
            // The next beat checks again; a store that cannot be reached is not a revoked credential.
            LiveLog.SocketFailed(logger, exception, "heartbeat");
        }
    }
}
