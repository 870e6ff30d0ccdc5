namespace Switchboard.Api.Live;

/// <summary>WebSocket close codes the server uses (documented in /asyncapi.json and the README).</summary>
public static class LiveCloseCodes
{
    /// <summary>The API key was revoked while the socket was open.</summary>
    public const int KeyRevoked = 4001;

    /// <summary>The customer token of a web chat's socket expired while it was open.</summary>
    public const int TokenExpired = 4003;

    /// <summary>The session was resumed on another socket.</summary>
    public const int SessionTakenOver = 4002;

    /// <summary>The client read too slowly: its send queue overflowed. It may resume.</summary>
    public const int SlowConsumer = 4008;

    /// <summary>A client message was larger than <c>Live:MaxClientMessageBytes</c> (standard 1009).</summary>
    public const int MessageTooBig = 1009;

    /// <summary>The server failed handling this socket (standard 1011); the session stays, so the client may resume.</summary>
    public const int ServerError = 1011;

    /// <summary>
    /// This API host is shutting down (standard 1001): the client opens a socket again, reaching another host behind the
    /// load balancer, where it resumes (this host's session is gone with it, so it gets a resync).
    /// </summary>
    public const int GoingAway = 1001;
}
