using System.Collections.Concurrent;
using MimeKit;
using Switchboard.Contracts.Email;
using Switchboard.Grains.Email;

namespace Switchboard.Grains.Tests;

/// <summary>An SMTP server stand-in for the grain tests: takes every message unless told how to fail the next attempts.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailSendOutcome> script = new();
    private volatile TaskCompletionSource? gate;

    public bool IsConfigured => true;

    public ConcurrentQueue<MimeMessage> Sent { get; } = new();

    public void FailNext(params EmailSendOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            script.Enqueue(outcome);
        }
    }

    /// <summary>Attempts wait (as on a server that does not answer) until the returned gate is opened.</summary>
    public TaskCompletionSource Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when an attempt is waiting at the gate.</summary>
    public TaskCompletionSource Waiting { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<EmailSendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (gate is { } held)
        {
            Waiting.TrySetResult();
            await held.Task;
            gate = null;
            Waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (script.TryDequeue(out var failure))
        {
            return failure;
        }

        Sent.Enqueue(message);
        return new EmailSendOutcome(true, false, "250 Ok");
    }
}
