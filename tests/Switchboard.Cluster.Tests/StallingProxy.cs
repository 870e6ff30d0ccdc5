using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A TCP proxy on loopback in front of one service (an Azurite queue endpoint) that can stall: while stalled, what
/// clients send is held (and readable as text, to see which HTTP requests were stuck) instead of forwarded, as an
/// unreachable service would leave them; <see cref="DropHeld"/> closes every connection so nothing held is ever sent.
/// </summary>
public sealed class StallingProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<TcpClient> open = [];
    private readonly StringBuilder held = new();
    private volatile bool stalled;

    private StallingProxy(int port, int targetPort)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        this.targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What clients sent while stalled.</summary>
    public string Held
    {
        get
        {
            lock (gate)
            {
                return held.ToString();
            }
        }
    }

    public static StallingProxy Start(int targetPort)
    {
        var proxy = new StallingProxy(FreePorts.Next(), targetPort);
        proxy.listener.Start();
        _ = proxy.AcceptLoop();
        return proxy;
    }

    public void Stall() => stalled = true;

    /// <summary>Closes every connection (what was held is never sent) and forwards again.</summary>
    public void DropHeld()
    {
        lock (gate)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }

            open.Clear();
            stalled = false;
        }
    }

    private async Task AcceptLoop()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                _ = Serve(client);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopped
        }
    }

    private async Task Serve(TcpClient client)
    {
        var server = new TcpClient();
        lock (gate)
        {
            open.Add(client);
            open.Add(server);
        }

        try
        {
            await server.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
            var fromServer = server.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
            var fromClient = FromClient(client.GetStream(), server.GetStream());
            await Task.WhenAny(fromServer, fromClient);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // a side closed, or the proxy dropped it
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task FromClient(NetworkStream client, NetworkStream server)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await client.ReadAsync(buffer, stopping.Token)) > 0)
        {
            if (stalled)
            {
                lock (gate)
                {
                    held.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                continue;
            }

            await server.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
        }
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        DropHeld();
        stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
