using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Switchboard.Contracts.Email;

namespace Switchboard.Grains.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit, one connection per attempt. A 5xx answer is final; a 4xx
/// answer, and any other failure (a refused or dropped connection, TLS or login refused, a timeout), may pass, and is
/// tried again later.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<EmailSendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return new EmailSendOutcome(false, true, "No SMTP server is configured (Email:Smtp:Host).");
        }

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Secure(smtp), timeout.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", timeout.Token);
            }

            var answer = await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return new EmailSendOutcome(true, false, answer);
        }
        catch (SmtpCommandException refused)
        {
            var code = (int)refused.StatusCode;
            return new EmailSendOutcome(false, code >= 500, $"{code} {refused.Message}");
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything else (no connection, TLS or login refused, a protocol error, a timeout) may pass: tried again later,
            // and given up after the last attempt.
            return new EmailSendOutcome(false, false, $"{failure.GetType().Name}: {failure.Message}");
        }
    }

    private static SecureSocketOptions Secure(SmtpOptions smtp) => smtp.Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
