using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Switchboard.Api.Hosting;

/// <summary>Where the client's address comes from: the connection, or (<see cref="ApiOptions.TrustForwardedFor"/>) the proxy in front.</summary>
public static class ClientAddress
{
    /// <summary>First in the pipeline, so every limit, lockout and log after it sees the client.</summary>
    public static WebApplication UseClientAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.TrustForwardedFor)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };

            // The proxy's own address is not known in advance (the ingress's); only its last entry is taken, the one it wrote.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        return app;
    }
}
