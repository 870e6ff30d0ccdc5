using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Switchboard.Api.Demo;

/// <summary>
/// The demo's mail server: an SMTP listener on loopback that takes every reply an agent sends and keeps none, so the
/// person trying the console can answer the demo's emails (without an SMTP server replies are refused). Used only when
/// no <c>Email:Smtp:Host</c> is configured.
/// </summary>
public sealed class DemoOutbox(int port, ILogger<DemoOutbox> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<string> firstDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task running = Task.CompletedTask;
    private int delivered;

    private ILogger Logger => logger;

    /// <summary>The loopback port it listens on.</summary>
    public int Port => port;

    /// <summary>How many replies it has taken.</summary>
    public int Delivered => Volatile.Read(ref delivered);

    /// <summary>Completes with the address the first reply went to.</summary>
    public Task<string> FirstDelivered => firstDelivered.Task;

    /// <summary>A loopback port free a moment ago, chosen before the configuration is read so the mail sender can use it.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Points <c>Email:Smtp</c> at a demo outbox on a free port, unless a mail server is configured; its port, or null.</summary>
    public static int? Configure(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"]))
        {
            return null;
        }

        var chosen = FreePort();
        configuration["Email:Smtp:Host"] = IPAddress.Loopback.ToString();
        configuration["Email:Smtp:Port"] = chosen.ToString(CultureInfo.InvariantCulture);
        configuration["Email:Smtp:Security"] = "None";
        return chosen;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("demo-outbox")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        _ = running.ContinueWith(
            failed => DemoLog.OutboxFailed(logger, port, failed.Exception!.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        DemoLog.OutboxListening(logger, port);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or IOException)
        {
            // It never listened (logged when it failed): nothing to stop.
        }
    }

    public void Dispose() => stop.Dispose();

    private sealed class Store(DemoOutbox outbox) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
            Interlocked.Increment(ref outbox.delivered);
            outbox.firstDelivered.TrySetResult(to);
            DemoLog.OutboxDelivered(outbox.Logger, to, message.Subject ?? "");
            return SmtpResponse.Ok;
        }
    }
}
