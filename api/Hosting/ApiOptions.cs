using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Hosting;

/// <summary>Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Requests per second each API key may make on average (each client address: 20 times that); 0 turns limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 500;

    /// <summary>How many requests a key may make at once above the average before it gets 429.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 1000;

    /// <summary>
    /// Behind one reverse proxy (the Azure Container Apps ingress): the client's address is the last one the proxy added
    /// to <c>X-Forwarded-For</c>, so per-address limits and lockouts count clients, not the proxy. Off (the default), the
    /// connection's own address; never turn it on without such a proxy in front, or a client could name any address.
    /// </summary>
    public bool TrustForwardedFor { get; set; }
}
