using MimeKit;

namespace Switchboard.Grains.Email;

/// <summary>Hands a message to the SMTP server: one attempt, its outcome in the server's words.</summary>
public interface IEmailSender
{
    /// <summary>Whether replies can be sent at all (a server is configured).</summary>
    bool IsConfigured { get; }

    Task<EmailSendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

/// <summary>One attempt's outcome: taken, or failed for now (try again) or for good, with what the server or network said.</summary>
public sealed record EmailSendOutcome(bool Sent, bool Permanent, string Answer);
