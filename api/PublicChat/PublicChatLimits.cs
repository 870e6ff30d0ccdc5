using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Switchboard.Api.PublicChat;

/// <summary>
/// The customer routes' rate limits, beside the per-address bucket every request passes: chats opened per address and
/// tenant per hour (a rate-limiting policy, before anything else), and messages and typing notices per chat per minute,
/// counted only once the chat's token has been checked: chat ids are not secret, and nobody else may use up the
/// customer's allowance. Over a limit: 429 with Retry-After.
/// </summary>
public sealed class PublicChatLimits(IOptions<PublicChatOptions> options) : IDisposable
{
    public const string Sessions = "public-chat-sessions";

    private readonly PartitionedRateLimiter<string> messages = PerChat(options.Value.MessagesPerMinute);
    private readonly PartitionedRateLimiter<string> typing = PerChat(options.Value.TypingPerMinute);

    public static void Add(RateLimiterOptions limiter, PublicChatOptions options) =>
        limiter.AddPolicy(Sessions, http => RateLimitPartition.GetFixedWindowLimiter(
            $"{http.Request.RouteValues["tenantId"]}/{AddressHash(http)}",
            _ => Window(options.SessionsPerAddressPerHour, TimeSpan.FromHours(1))));

    /// <summary>The 429 to answer when the chat's customer sent too many messages this minute, or null.</summary>
    public ProblemHttpResult? Message(HttpContext http, string interactionId) => Take(messages, http, interactionId, "messages");

    /// <summary>The 429 to answer when the chat's customer sent too many typing notices this minute, or null.</summary>
    public ProblemHttpResult? Typing(HttpContext http, string interactionId) => Take(typing, http, interactionId, "typing notices");

    /// <summary>The client address as a hash: what the limits and the open-chat count are kept by, never the address itself.</summary>
    public static string AddressHash(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientKey(http.Connection.RemoteIpAddress))));
    }

    /// <summary>
    /// Whom limits count an address as: an IPv4 address as itself (also when it arrives IPv4-mapped), an IPv6 address by
    /// its /64, the least a single subscriber is given, so that one network cannot pose as endless fresh addresses.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose()
    {
        messages.Dispose();
        typing.Dispose();
    }

    private static ProblemHttpResult? Take(PartitionedRateLimiter<string> limiter, HttpContext http, string interactionId, string what)
    {
        using var lease = limiter.AttemptAcquire(interactionId);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Of(StatusCodes.Status429TooManyRequests, $"Too many {what} in this chat; retry after {seconds} s.");
    }

    private static PartitionedRateLimiter<string> PerChat(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(chat => RateLimitPartition.GetFixedWindowLimiter(chat, _ => Window(perMinute, TimeSpan.FromMinutes(1))));

    /// <summary>A fixed window of <paramref name="permits"/> that never queues.</summary>
    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
