using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Switchboard.Api.Auth;
using Switchboard.Api.Hosting;

namespace Switchboard.Api.Middleware;

/// <summary>
/// Two token buckets a request must both pass, checked before the key is looked up so that floods of bad keys cost
/// nothing: one per presented key (a noisy CRM cannot starve a tenant's consoles) and a wider one per client address
/// (many random keys from one place). Over either: 429 with Retry-After and a problem body.
/// </summary>
public static class RateLimitingSetup
{
    /// <summary>One address carries many keys (a contact center behind one NAT): its bucket is this many times a key's.</summary>
    public const int AddressMultiplier = 20;

    public static IServiceCollection AddSwitchboardRateLimiting(this IServiceCollection services, ApiOptions api)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = api.RateLimitPerSecond <= 0
                ? PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter("off"))
                : PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        Bucket($"address:{context.Connection.RemoteIpAddress}", api, AddressMultiplier)),
                    PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        PresentedKey(context.Request) is { } key ? Bucket("key:" + key, api, 1) : RateLimitPartition.GetNoLimiter("no key")));
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Too many requests; retry after {seconds} s.");
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(string partition, ApiOptions api, int multiplier) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = api.RateLimitBurst * multiplier,
            TokensPerPeriod = api.RateLimitPerSecond * multiplier,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The key as authentication reads it; one longer than any key can be shares the address's bucket only.</summary>
    private static string? PresentedKey(HttpRequest request) =>
        ApiKeyAuthenticationHandler.PresentedKey(request) is { Length: > 0 and <= ApiKeyAuthenticator.MaxKeyLength } key ? key : null;
}
