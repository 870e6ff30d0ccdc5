using MimeKit;
using Switchboard.Contracts.Email;

namespace Switchboard.Grains.Email;

/// <summary>Hands a message to the SMTP server: one attempt, its outcome in the server's words.</summary>
public interface IEmailSender
{
    /// <summary>Whether replies can be sent at all (a server is configured).</summary>
    bool IsConfigured { get; }

    Task<EmailSendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
