using System.Net;
using System.Net.Sockets;

namespace Switchboard.Domain.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: it is tried again at its next attempt.</summary>
    Pending = 0,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Given up: still failing a day after the event, or the endpoint is gone (410) or deleted.</summary>
    Failed = 2,
}

/// <summary>What webhooks may hold and when deliveries are tried.</summary>
public static class WebhookRules
{
    public const int MaxEndpointsPerTenant = 20;
    public const int MaxEventPatterns = 20;
    public const int MaxUrlLength = 2_000;
    public const int MaxDescriptionLength = 300;

    /// <summary>Deliveries one endpoint holds undelivered; an endpoint that falls this far behind is disabled.</summary>
    public const int MaxPending = 10_000;

    /// <summary>Deliveries an endpoint's log keeps: the newest ones, and any older one still pending; the rest are deleted.</summary>
    public const int KeptDeliveries = 1_000;

    /// <summary>Response bodies kept per attempt, in characters.</summary>
    public const int MaxResponseBodyLength = 1_024;

    /// <summary>Why an endpoint an API key disabled is disabled; any other reason is Switchboard's, and admins are told.</summary>
    public const string DisabledByKey = "disabled by an API key";

    /// <summary>How long a delivery is retried before it is given up.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(24);

    /// <summary>How long an endpoint may fail every delivery before it is disabled and admins are told.</summary>
    public static readonly TimeSpan DisableAfter = TimeSpan.FromDays(3);

    /// <summary>The first wait after a failure, doubled on each attempt up to <see cref="LongestWait"/>.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(2);

    /// <summary>
    /// Every event type a webhook can receive. Interactions: created, offered (to an agent), updated (any other change),
    /// ended (over: ended, abandoned or failed), message (a chat message); agents: state_changed; the local CRM: case
    /// created and updated (changes, notes, links); telephony: what a carrier is asked to do with calls (dial a leg, bridge
    /// legs, hang a leg up), when <c>Telephony:Mode</c> is <c>Carrier</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        "interaction.created", "interaction.offered", "interaction.updated", "interaction.ended", "interaction.message",
        "agent.state_changed",
        "crm.case.created", "crm.case.updated",
        "telephony.dial", "telephony.bridge", "telephony.hangup",
    ];

    /// <summary>
    /// A pattern an endpoint subscribes with: an event type, a prefix and ".*" ("interaction.*", "crm.*"), or "*" for
    /// all; it must name at least one type there is, so a typo is refused rather than silently never matching.
    /// </summary>
    public static bool IsValidPattern(string? pattern) =>
        pattern is { Length: > 0 and <= 100 } && EventTypes.Any(type => Matches(pattern, type));

    public static bool Matches(string pattern, string type)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(type);
        if (pattern == "*")
        {
            return true;
        }

        return pattern.EndsWith(".*", StringComparison.Ordinal)
            ? type.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, type, StringComparison.Ordinal);
    }

    public static bool MatchesAny(IEnumerable<string> patterns, string type) => patterns.Any(p => Matches(p, type));

    /// <summary>
    /// When to try a delivery again after its <paramref name="attempts"/>th failed attempt at <paramref name="now"/>, or
    /// null to give up (a day after it was created). The wait doubles from 5 s to at most 2 h, with up to a fifth more at
    /// random (<paramref name="jitter"/> in [0, 1)) so that failed deliveries do not all come back at once.
    /// </summary>
    public static DateTimeOffset? NextAttempt(int attempts, DateTimeOffset createdAt, DateTimeOffset now, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        var doublings = Math.Min(attempts - 1, 20);
        var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << doublings, LongestWait.Ticks));
        var next = now + wait + (wait * (0.2 * Math.Clamp(jitter, 0, 1)));
        return next - createdAt > RetryFor ? null : next;
    }

    /// <summary>Whether an answer delivers the event (2xx), removes the endpoint (410), or asks for another attempt.</summary>
    public static bool IsDelivered(int statusCode) => statusCode is >= 200 and < 300;

    public static bool IsGone(int statusCode) => statusCode == 410;

    /// <summary>
    /// Whether a webhook may be sent to <paramref name="address"/> when private targets are not allowed: not loopback,
    /// private (RFC 1918, unique local), link-local (which holds cloud metadata services, 169.254.169.254), carrier-grade
    /// NAT, unspecified, multicast or broadcast, in IPv4 or IPv6 (an IPv4 address mapped into IPv6 is judged as IPv4; NAT64
    /// prefixes, which reach IPv4 addresses of any kind, are refused).
    /// </summary>
    public static bool IsPublicAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19)
                || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) // NAT64 64:ff9b::/96 and 64:ff9b:1::/48: IPv4 behind them
                || address.IsIPv6Teredo
                || b.Take(12).All(x => x == 0)); // IPv4-compatible (deprecated) and what is left of ::/96
        }

        return false;
    }
}
