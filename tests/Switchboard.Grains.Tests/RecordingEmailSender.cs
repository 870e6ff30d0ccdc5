using System.Collections.Concurrent;
using MimeKit;
using Switchboard.Grains.Email;

namespace Switchboard.Grains.Tests;

/// <summary>An SMTP server stand-in for the grain tests: takes every message unless told how to fail the next attempts.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailSendOutcome> script = new();

    public bool IsConfigured => true;

    public ConcurrentQueue<MimeMessage> Sent { get; } = new();

    public void FailNext(params EmailSendOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            script.Enqueue(outcome);
        }
    }

    public Task<EmailSendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (script.TryDequeue(out var failure))
        {
            return Task.FromResult(failure);
        }

        Sent.Enqueue(message);
        return Task.FromResult(new EmailSendOutcome(true, false, "250 Ok"));
    }
}
