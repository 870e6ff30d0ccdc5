using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Webhooks;

/// <summary>How webhooks are sent (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Whether endpoints may be on loopback, private, link-local or metadata addresses. Null: only in Development (and
    /// tests), since a webhook pointed inside the network would let a tenant reach what it should not.
    /// </summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>Whether endpoints must use https. Null: outside Development.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>How often each API host looks for deliveries due, in milliseconds.</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>How long an endpoint has to answer one delivery.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries in flight to one endpoint from one API host.</summary>
    [Range(1, 64)]
    public int ConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>Endpoints one API host sends to at once.</summary>
    [Range(1, 10_000)]
    public int EndpointsAtOnce { get; set; } = 100;

    /// <summary>How long the secrets a rotation replaces keep signing, in hours.</summary>
    [Range(0, 720)]
    public int SecretGraceHours { get; set; } = 24;
}
