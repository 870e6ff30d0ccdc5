using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Switchboard.TestSupport;

/// <summary>A message as the SMTP server received it: the envelope and the parsed message.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, string? User);

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package, its own port): keeps every message it takes, and answers
/// DATA with the codes a test scripts, in order (250 once the script is used up). With a user and password it requires
/// AUTH (over plain text: loopback only).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly ConcurrentQueue<(int Code, string Text)> script = new();
    private Task running = Task.CompletedTask;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    /// <summary>Every message taken so far, in arrival order.</summary>
    public ConcurrentQueue<ReceivedMail> All { get; } = new();

    /// <summary>How many times DATA was answered (taken or refused).</summary>
    public int Attempts => attempts;

    private int attempts;

    public static Task<SmtpSink> StartAsync(string? user = null, string? password = null)
    {
        var sink = new SmtpSink(FreePorts.Next());
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, sink.Port))
                .AuthenticationRequired(user is not null)
                .AllowUnsecureAuthentication(true))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(sink));
        if (user is not null)
        {
            services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));
        }

        var server = new SmtpServer.SmtpServer(options, services);
        sink.running = server.StartAsync(sink.stop.Token);
        return Task.FromResult(sink);
    }

    /// <summary>Answers the next DATA commands with these replies (e.g. 451 then 550) instead of taking the message.</summary>
    public void Refuse(params (int Code, string Text)[] replies)
    {
        foreach (var reply in replies)
        {
            script.Enqueue(reply);
        }
    }

    /// <summary>The next message taken, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMail> NextAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await received.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No message reached the SMTP server on port {Port} within {timeout}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref sink.attempts);
            if (sink.script.TryDequeue(out var refusal))
            {
                return new SmtpResponse((SmtpReplyCode)refusal.Code, refusal.Text);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var mail = new ReceivedMail(
                $"{transaction.From.User}@{transaction.From.Host}",
                [.. transaction.To.Select(t => $"{t.User}@{t.Host}")],
                message,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null);
            sink.All.Enqueue(mail);
            await sink.received.Writer.WriteAsync(mail, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
