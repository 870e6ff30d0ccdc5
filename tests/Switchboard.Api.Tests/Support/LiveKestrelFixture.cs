using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// One Kestrel host for the live tests over TCP (a host costs a silo), with buffers small enough that a client that
/// stops reading overflows its send queue after about a hundred events instead of megabytes.
/// </summary>
public sealed class LiveKestrelFixture : IAsyncLifetime
{
    public const int SendQueueLimit = 64;
    public const int ResumeBufferSize = 32;

    /// <summary>Each buffer the server has for a socket after its send queue: Kestrel's response buffer, the transport's pipe, the kernel's send buffer.</summary>
    public const int ServerBufferBytes = 4 * 1024;

    public KestrelApi Api { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Api = KestrelApi.Start(
            kestrel => kestrel.Limits.MaxResponseBufferSize = ServerBufferBytes,
            web => web.ConfigureServices(services => services.Configure<SocketTransportOptions>(o =>
            {
                o.MaxWriteBufferSize = ServerBufferBytes;
                o.CreateBoundListenSocket = endpoint =>
                {
                    // Accepted sockets inherit it; a fixed size also stops the kernel growing it (to megabytes on loopback).
                    var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    socket.SendBufferSize = ServerBufferBytes;
                    return socket;
                };
            })),
            ("Live:SendQueueLimit", SendQueueLimit.ToString(CultureInfo.InvariantCulture)),
            ("Live:ResumeBufferSize", ResumeBufferSize.ToString(CultureInfo.InvariantCulture)),
            ("Live:KeepAliveSeconds", "60")); // the slow client never reads, so never answers pings: they must not drop it first
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }
}
