using System.ComponentModel.DataAnnotations;

namespace Switchboard.Grains.Email;

/// <summary>The SMTP server replies go out through (section <c>Email:Smtp</c>); without a host, replies are refused.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    /// <summary>The server's host name or address; unset: this Switchboard sends no email.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>The account to authenticate as; unset: no authentication.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// How the connection is secured: <c>Auto</c> (TLS on port 465, STARTTLS when the server offers it otherwise),
    /// <c>StartTls</c> (required), <c>SslOnConnect</c>, or <c>None</c> (plain: a relay on the same host only).
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>How long one attempt may take, connection to answer.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public enum SmtpSecurity
{
    Auto = 0,
    None = 1,
    StartTls = 2,
    SslOnConnect = 3,
}
