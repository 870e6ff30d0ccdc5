using System.Net.WebSockets;

namespace Switchboard.Api.Tests.Support;

/// <summary>The server closed the socket while a test was reading.</summary>
public sealed class WebSocketClosedException(WebSocketCloseStatus? status, string? reason)
    : Exception($"The socket was closed: {(int?)status} {reason}")
{
    public WebSocketCloseStatus? Status { get; } = status;

    public string? Reason { get; } = reason;
}
