using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Switchboard.Api.Auth;

namespace Switchboard.Api.Problems;

/// <summary>
/// A token bucket per API key (per client address for requests without a valid key), so one noisy CRM cannot starve
/// a tenant's consoles. Over the limit: 429 with Retry-After and a problem body.
/// </summary>
public static class RateLimitingSetup
{
    public static IServiceCollection AddSwitchboardRateLimiting(this IServiceCollection services, ApiOptions api)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                api.RateLimitPerSecond <= 0
                    ? RateLimitPartition.GetNoLimiter("off")
                    : RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = api.RateLimitBurst,
                        TokensPerPeriod = api.RateLimitPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Too many requests for this API key; retry after {seconds} s.");
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirstValue(ClaimNames.KeyId) is { } keyId
            ? $"key:{context.User.FindFirstValue(ClaimNames.Tenant)}/{keyId}"
            : context.User.IsInRole(Roles.Operator) ? "operator" : $"address:{context.Connection.RemoteIpAddress}";
}
